package io.creditsuite.gateway.infrastructure.config;

import io.creditsuite.api.lending.LendingService;
import io.creditsuite.api.lending.PartnerCustomerService;
import io.creditsuite.api.lending.PartnerHoldService;
import io.creditsuite.gateway.domain.money.SupportedCurrencies;
import io.creditsuite.gateway.infrastructure.web.partner.PartnerAmounts;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.reconcile.BalanceRuleService;
import io.creditsuite.api.reconcile.BcpRuleService;
import io.creditsuite.api.reconcile.DiscrepancyService;
import io.creditsuite.api.reconcile.FullCheckService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partner API's downstream: credit-service's lending interfaces over Dubbo, as beans (so the controllers take
 * them in their constructors and tests hand them fakes), and the amount rules with the configured currencies.
 */
@Configuration(proxyBeanMethods = false)
public class PartnerApiWiring {
    @Bean
    @DubboReference
    ReferenceBean<PartnerCustomerService> partnerCustomerService() {
        return new ReferenceBean<>();
    }

    /**
     * A drawdown is a whole global transaction in credit-service (TC begin, two tries, commit), so its call waits
     * longer than the suite's 5 s default; a partner whose call times out retries with its Idempotency-Key and gets
     * the outcome (or CS-1002 while credit-service is still deciding).
     */
    @Bean
    @DubboReference(timeout = 20_000)
    ReferenceBean<LendingService> lendingService() {
        return new ReferenceBean<>();
    }

    @Bean
    @DubboReference
    ReferenceBean<PartnerHoldService> partnerHoldService() {
        return new ReferenceBean<>();
    }

    /** approval-service's intake: the automatic checks run inside the submit call. */
    @Bean
    @DubboReference(timeout = 10_000)
    ReferenceBean<CreditApplicationService> creditApplicationService() {
        return new ReferenceBean<>();
    }

    /** reconcile-service's BCP discrepancies, for the operator endpoints. */
    @Bean
    @DubboReference
    ReferenceBean<DiscrepancyService> discrepancyService() {
        return new ReferenceBean<>();
    }

    /** reconcile-service's full checks on demand, for the operator endpoints. */
    @Bean
    @DubboReference
    ReferenceBean<FullCheckService> fullCheckService() {
        return new ReferenceBean<>();
    }

    /** reconcile-service's pair rules (real-time checks), for the operator endpoints. */
    @Bean
    @DubboReference
    ReferenceBean<BcpRuleService> bcpRuleService() {
        return new ReferenceBean<>();
    }

    /** reconcile-service's balance rules (full checks), for the operator endpoints. */
    @Bean
    @DubboReference
    ReferenceBean<BalanceRuleService> balanceRuleService() {
        return new ReferenceBean<>();
    }

    @Bean
    SupportedCurrencies supportedCurrencies(PartnerApiProperties properties) {
        return new SupportedCurrencies(properties.currencies());
    }

    @Bean
    PartnerAmounts partnerAmounts(SupportedCurrencies currencies) {
        return new PartnerAmounts(currencies);
    }
}
