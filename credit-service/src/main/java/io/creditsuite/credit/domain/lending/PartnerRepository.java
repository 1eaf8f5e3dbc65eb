package io.creditsuite.credit.domain.lending;

import java.util.Optional;

public interface PartnerRepository {
    /** false when the partner id is registered already. */
    boolean insert(LendingPartner partner);

    Optional<LendingPartner> byId(String partnerId);
}
