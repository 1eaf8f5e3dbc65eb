package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.account.StatementPage;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.OnboardCustomerRequest;
import io.creditsuite.api.lending.PartnerCustomerService;
import io.creditsuite.credit.application.lending.OnboardCustomerHandler;
import io.creditsuite.credit.application.lending.PartnerCustomerQueries;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
public class PartnerCustomerProvider implements PartnerCustomerService {
    private final OnboardCustomerHandler onboarding;
    private final PartnerCustomerQueries queries;

    public PartnerCustomerProvider(OnboardCustomerHandler onboarding, PartnerCustomerQueries queries) {
        this.onboarding = onboarding;
        this.queries = queries;
    }

    @Override
    public CustomerView onboardCustomer(OnboardCustomerRequest request) {
        return onboarding.onboard(request);
    }

    @Override
    public CustomerView customer(String partnerId, String customerId) {
        return queries.customer(partnerId, customerId);
    }

    @Override
    public List<LimitNodeView> limitTree(String partnerId, String customerId) {
        return queries.limitTree(partnerId, customerId);
    }

    @Override
    public StatementPage statement(String partnerId, String customerId, long afterVersion, int pageSize) {
        return queries.statement(partnerId, customerId, afterVersion, pageSize);
    }
}
