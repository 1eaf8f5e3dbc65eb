package io.creditsuite.support.resilience;

import com.alibaba.csp.sentinel.datasource.FileRefreshableDataSource;
import com.alibaba.csp.sentinel.property.SimplePropertyListener;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code credit-suite.resilience.rules-file}: the Dubbo edges' settings changed without a restart. The file names
 * only what it changes, over the service's configured settings ({@code {"errorRatio": 0.3, "openFor": "30s"}}); it
 * is read again within {@code refreshMs} of a change, and a file that does not parse, names an unknown field or holds
 * a value out of range is refused with a log line, leaving the settings in force.
 */
public final class ResilienceRulesFile implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ResilienceRulesFile.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** What a rules file may set; null leaves the configured value. */
    record Changes(String slowCall, Double slowRatio, Double errorRatio, Integer minCalls, String statWindow,
                   String openFor, Double providerQps) {
    }

    private final FileRefreshableDataSource<DubboResilience.Settings> source;

    public ResilienceRulesFile(File file, long refreshMs, DubboResilience.Settings configured) throws IOException {
        this.source = new FileRefreshableDataSource<>(file, json -> parse(json, configured), refreshMs, 64 * 1024,
                StandardCharsets.UTF_8);
        source.getProperty().addListener(new SimplePropertyListener<>() {
            @Override
            public void configUpdate(DubboResilience.Settings settings) {
                if (settings != null) {
                    DubboResilience.configure(settings);
                    log.info("Dubbo edge settings in force: {}", settings);
                }
            }
        });
    }

    /** {@code configured} with the file's changes, or null (logged) when the file is not valid. */
    static DubboResilience.Settings parse(String json, DubboResilience.Settings configured) {
        try {
            Changes c = JSON.readValue(json, Changes.class);
            DubboResilience.Settings s = new DubboResilience.Settings(
                    c.slowCall() == null ? configured.slowCall() : duration(c.slowCall()),
                    c.slowRatio() == null ? configured.slowRatio() : c.slowRatio(),
                    c.errorRatio() == null ? configured.errorRatio() : c.errorRatio(),
                    c.minCalls() == null ? configured.minCalls() : c.minCalls(),
                    c.statWindow() == null ? configured.statWindow() : duration(c.statWindow()),
                    c.openFor() == null ? configured.openFor() : duration(c.openFor()),
                    c.providerQps() == null ? configured.providerQps() : c.providerQps());
            if (s.slowRatio() < 0 || s.slowRatio() > 1 || s.errorRatio() < 0 || s.errorRatio() > 1 || s.minCalls() < 1
                    || s.providerQps() < 0 || s.slowCall().isNegative() || s.statWindow().toMillis() < 1000
                    || s.openFor().toSeconds() < 1) {
                throw new IllegalArgumentException("a value is out of range: " + s);
            }
            return s;
        } catch (IOException | IllegalArgumentException e) {
            log.error("Dubbo edge settings refused, the ones in force stay: {}", e.getMessage());
            return null;
        }
    }

    private static Duration duration(String text) {
        return DurationStyle.detectAndParse(text);
    }

    @Override
    public void close() throws Exception {
        source.close();
    }
}
