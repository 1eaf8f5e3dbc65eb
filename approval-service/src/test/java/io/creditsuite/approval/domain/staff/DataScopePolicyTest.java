package io.creditsuite.approval.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataScopePolicyTest {
    private static final Staff EAST_DEALER_REVIEWER = new Staff("ann", "Ann", Set.of(StaffRole.FIRST_REVIEWER),
            "/HQ/RISK/EAST", "/CN/EAST", Set.of("DEALER"), Set.of());

    @ParameterizedTest(name = "{0} / {1} in scope: {2}")
    @CsvSource({
            "/CN/EAST,        DEALER,   true",
            "/CN/EAST/SH,     DEALER,   true",
            "/CN/EAST/SH/PD,  DEALER,   true",
            "/CN/EASTERN,     DEALER,   false",
            "/CN,             DEALER,   false",
            "/CN/WEST,        DEALER,   false",
            "/CN/EAST/SH,     CONSUMER, false",
    })
    void a_reviewer_sees_only_their_region_subtree_and_product_lines(String region, String productLine,
                                                                     boolean inScope) {
        assertThat(DataScopePolicy.covers(EAST_DEALER_REVIEWER, region, productLine)).isEqualTo(inScope);
    }
}
