package io.creditsuite.approval.support;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.intake.ExistingExposure;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * credit-service's view of a customer's exposure, in memory (the approval ITs run without credit-service): 0 unless a
 * test sets it, and a customer id starting "CU-UNKNOWN" is one the partner did not onboard.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeCreditExposure {
    public static final Map<String, Long> EXPOSURE_BY_CUSTOMER = new ConcurrentHashMap<>();

    @Bean
    @Primary
    ExistingExposure fakeExistingExposure() {
        return (partnerId, customerId, currency) -> {
            if (customerId.startsWith("CU-UNKNOWN")) {
                throw new ApiException(ErrorCode.CREDIT_CUSTOMER_UNKNOWN, "no customer " + customerId + " of partner "
                        + partnerId);
            }
            return EXPOSURE_BY_CUSTOMER.getOrDefault(customerId, 0L);
        };
    }
}
