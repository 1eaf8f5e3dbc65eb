package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.lending.LendingPartnerService;
import io.creditsuite.api.lending.LendingPartnerView;
import io.creditsuite.api.lending.RegisterLendingPartnerRequest;
import io.creditsuite.credit.application.lending.RegisterLendingPartnerHandler;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
public class LendingPartnerProvider implements LendingPartnerService {
    private final RegisterLendingPartnerHandler partners;

    public LendingPartnerProvider(RegisterLendingPartnerHandler partners) {
        this.partners = partners;
    }

    @Override
    public LendingPartnerView registerPartner(RegisterLendingPartnerRequest request) {
        return partners.register(request);
    }

    @Override
    public LendingPartnerView partner(String partnerId) {
        return partners.partner(partnerId);
    }
}
