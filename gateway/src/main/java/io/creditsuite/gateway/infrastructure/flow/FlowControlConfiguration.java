package io.creditsuite.gateway.infrastructure.flow;

import io.creditsuite.api.lending.LendingPartnerService;
import io.creditsuite.gateway.infrastructure.security.ProblemWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The partner API's flow control ({@link PartnerFlowControlFilter}) and where its limits come from. */
@Configuration(proxyBeanMethods = false)
class FlowControlConfiguration {
    /** Right after the signature filter (30), before the idempotency filter (50). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

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

    /** credit-service's lending partners (the demo endpoints refer to the same reference). */
    @DubboReference
    private LendingPartnerService lendingPartners;

    /** Lending partners' funding accounts, from credit-service, for the funding-account limit. */
    @Bean(destroyMethod = "close")
    CachedFundingAccounts fundingAccounts() {
        return new CachedFundingAccounts(lendingPartners, System::currentTimeMillis);
    }

    @Bean
    FilterRegistrationBean<PartnerFlowControlFilter> partnerFlowControlFilter(ProblemWriter problems,
                                                                              FundingAccounts fundingAccounts) {
        FilterRegistrationBean<PartnerFlowControlFilter> registration =
                new FilterRegistrationBean<>(new PartnerFlowControlFilter(problems, fundingAccounts));
        registration.setOrder(ORDER);
        return registration;
    }
}
