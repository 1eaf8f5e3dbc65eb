package io.creditsuite.credit.application.lending;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.LendingPartnerView;
import io.creditsuite.api.lending.RegisterLendingPartnerRequest;
import io.creditsuite.credit.application.Requests;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.PartnerRepository;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.transaction.annotation.Transactional;

/** Registers the lending side of a partner; idempotent by partner id (other settings: LENDING_PARTNER_CONFLICT). */
public class RegisterLendingPartnerHandler {
    private final PartnerRepository partners;
    private final Clock clock;

    public RegisterLendingPartnerHandler(PartnerRepository partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    @Transactional
    public LendingPartnerView register(RegisterLendingPartnerRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a registration is required");
        }
        if (request.fundingAccountId() <= 0 || request.interestIncomeAccountId() <= 0
                || request.fundingAccountId() == request.interestIncomeAccountId()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the funding and interest income accounts must be two"
                    + " ledger account ids > 0, got " + request.fundingAccountId() + " and "
                    + request.interestIncomeAccountId());
        }
        LendingPartner partner = new LendingPartner(Requests.requireId(request.partnerId(), "partnerId"),
                Requests.requireText(request.name(), "name", 200), Requests.requireCurrency(request.currency()),
                request.fundingAccountId(), request.interestIncomeAccountId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (partners.insert(partner)) {
            return LendingViews.partner(partner);
        }
        LendingPartner existing = partners.byId(partner.partnerId()).orElseThrow();
        if (!existing.sameSettingsAs(partner)) {
            throw new ApiException(ErrorCode.LENDING_PARTNER_CONFLICT, "partner " + partner.partnerId()
                    + " is registered with other settings (" + LendingViews.partner(existing) + ")");
        }
        return LendingViews.partner(existing);
    }

    public LendingPartnerView partner(String partnerId) {
        Requests.requireId(partnerId, "partnerId");
        return LendingViews.partner(partners.byId(partnerId).orElseThrow(() -> new ApiException(
                ErrorCode.LENDING_PARTNER_UNKNOWN, "no lending partner " + partnerId)));
    }
}
