package io.creditsuite.gateway.infrastructure.flow;

import io.creditsuite.gateway.infrastructure.security.ProblemWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The partner API's flow control ({@link PartnerFlowControlFilter}) and where its limits come from. */
@Configuration(proxyBeanMethods = false)
class FlowControlConfiguration {
    /** Right after the signature filter (3), before the idempotency filter (5). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 4;

    @Bean(destroyMethod = "close")
    FlowLimitsSource flowLimitsSource(@Value("${credit-suite.gateway.flow.rules-file:}") String file,
                                      @Value("${credit-suite.gateway.flow.refresh:2s}") Duration refresh,
                                      @Value("${credit-suite.gateway.flow.nacos-data-id:}") String nacosDataId,
                                      @Value("${credit-suite.middleware.nacos:}") String nacos) throws IOException {
        String shipped = shippedLimits();
        if (!file.isBlank()) {
            Path path = Path.of(file);
            if (!Files.exists(path)) { // a new file starts as the shipped limits, for the operator to edit
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(path, shipped);
            }
            return FlowLimitsSource.file(path.toFile(), refresh.toMillis());
        }
        if (!nacosDataId.isBlank()) {
            return FlowLimitsSource.nacos(nacos, "credit-suite", nacosDataId);
        }
        FlowLimits limits = FlowLimitsSource.parse(shipped);
        if (limits == null) {
            throw new IllegalStateException("the gateway's flow-limits.json does not parse");
        }
        return FlowLimitsSource.fixed(limits);
    }

    private String shippedLimits() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/flow-limits.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Bean
    FilterRegistrationBean<PartnerFlowControlFilter> partnerFlowControlFilter(ProblemWriter problems) {
        FilterRegistrationBean<PartnerFlowControlFilter> registration =
                new FilterRegistrationBean<>(new PartnerFlowControlFilter(problems));
        registration.setOrder(ORDER);
        return registration;
    }
}
