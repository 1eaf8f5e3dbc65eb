package io.creditsuite.approval.domain.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingPolicyTest {
    private static final Scorecard CARD = new Scorecard("S", 600, 550, 700, List.of());

    @ParameterizedTest(name = "blacklist {0}, rejecting rule {1}, review rule {2}, score {3} -> {4} {5}")
    @CsvSource(nullValues = "-", value = {
            "BL-1, -,     false, 800, REJECT,        BLACKLIST_HIT",
            "-,    R-AGE, false, 800, REJECT,        RULE:R-AGE",
            "-,    -,     false, 549, REJECT,        SCORE_BELOW_CUTOFF",
            "-,    -,     false, 550, MANUAL_REVIEW, -",
            "-,    -,     true,  800, MANUAL_REVIEW, -",
            "-,    -,     false, 699, MANUAL_REVIEW, -",
            "-,    -,     false, 700, FAST_TRACK,    -",
            "BL-1, R-AGE, true,  100, REJECT,        BLACKLIST_HIT",
    })
    void the_route_follows_the_policy_table(String blacklist, String rejectingRule, boolean reviewRule, int score,
                                            Route route, String reason) {
        RoutingPolicy.Decision decision = RoutingPolicy.route(blacklist, rejectingRule, reviewRule, score, CARD);
        assertThat(decision.route()).isEqualTo(route);
        assertThat(decision.reasonCode()).isEqualTo(reason);
    }
}
