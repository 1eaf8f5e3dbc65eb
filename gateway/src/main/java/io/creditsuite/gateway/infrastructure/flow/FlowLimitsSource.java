package io.creditsuite.gateway.infrastructure.flow;

import com.alibaba.csp.sentinel.datasource.FileRefreshableDataSource;
import com.alibaba.csp.sentinel.datasource.ReadableDataSource;
import com.alibaba.csp.sentinel.datasource.nacos.NacosDataSource;
import com.alibaba.csp.sentinel.property.SimplePropertyListener;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleManager;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.support.resilience.SentinelRules;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the partner API's limits come from, loaded into Sentinel and reloaded without a restart: a JSON file
 * ({@code credit-suite.gateway.flow.rules-file}, read again when it changes), or a Nacos config (the prod profile:
 * {@code credit-suite.gateway.flow.nacos-data-id} in group {@code credit-suite}), or, with neither, the limits the
 * gateway ships ({@code flow-limits.json}). A change that does not parse, or has a negative limit, is refused with a log
 * line and the limits in force stay.
 */
public final class FlowLimitsSource implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FlowLimitsSource.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final ReadableDataSource<String, FlowLimits> source;
    private final AtomicReference<FlowLimits> inForce = new AtomicReference<>();

    private FlowLimitsSource(ReadableDataSource<String, FlowLimits> source) {
        this.source = source;
        if (source != null) {
            source.getProperty().addListener(new SimplePropertyListener<>() {
                @Override
                public void configUpdate(FlowLimits limits) {
                    if (limits != null) {
                        apply(limits);
                    }
                }
            });
        }
    }

    /** The file's limits, read again within {@code refreshMs} of each change. */
    public static FlowLimitsSource file(File file, long refreshMs) throws IOException {
        return new FlowLimitsSource(new FileRefreshableDataSource<>(file, FlowLimitsSource::parse, refreshMs,
                1024 * 1024, java.nio.charset.StandardCharsets.UTF_8));
    }

    public static FlowLimitsSource nacos(String serverAddr, String group, String dataId) {
        return new FlowLimitsSource(new NacosDataSource<>(serverAddr, group, dataId, FlowLimitsSource::parse));
    }

    /** Fixed limits (the shipped defaults), never reloaded. */
    public static FlowLimitsSource fixed(FlowLimits limits) {
        FlowLimitsSource fixed = new FlowLimitsSource(null);
        fixed.apply(limits);
        return fixed;
    }

    /** The limits in force now. */
    public FlowLimits inForce() {
        return inForce.get();
    }

    /** A rules document, or null (logged) when it is not one: the limits in force stay. */
    static FlowLimits parse(String json) {
        try {
            return JSON.readValue(json, FlowLimits.class);
        } catch (IOException | IllegalArgumentException e) {
            log.error("flow limits refused, the ones in force stay: {}", e.getMessage());
            return null;
        }
    }

    private void apply(FlowLimits limits) {
        SentinelRules.flow("partner-api", limits.flowRules());
        ParamFlowRuleManager.loadRules(limits.paramRules());
        inForce.set(limits);
        log.info("flow limits in force: {}", limits);
    }

    @Override
    public void close() throws Exception {
        if (source != null) {
            source.close();
        }
    }
}
