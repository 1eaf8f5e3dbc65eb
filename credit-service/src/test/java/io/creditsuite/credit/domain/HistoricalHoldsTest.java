package io.creditsuite.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoricalHoldsTest {
    private static final Instant T0 = Instant.parse("2024-02-01T00:00:00Z");
    /** leaf 7 (non-revolving) under 8 (revolving). */
    private static final LimitPath PATH = new LimitPath(List.of(new PathNode(7, false), new PathNode(8, true)), 8);

    private final HistoricalHolds holds = new HistoricalHolds();

    @Test
    void a_hold_is_rebuilt_flow_by_flow_with_the_live_writers_amounts() {
        holds.open(flow("h-1", FlowType.FREEZE, 0, each(0, 300, 0, 0)), PATH, "L-1", "CNY", T0.plusSeconds(86_400));
        holds.apply(flow("h-2", FlowType.USE, 1, each(0, -200, 200, 0)));
        holds.apply(flow("h-3", FlowType.DISBURSE, 2, each(0, 0, -150, 150)));
        holds.apply(flow("h-4", FlowType.RETURN, 3, List.of(delta(7, 50, 0, 0, -50), delta(8, 0, 0, 0, -50))));

        assertThat(holds.holds()).singleElement().satisfies(imported -> {
            assertThat(imported.hold()).isEqualTo(new Hold("h-1", "L-1", 7, "CNY", 100, 50, 100, T0.plusSeconds(86_400)));
            assertThat(imported.openedAt()).isEqualTo(T0);
        });
    }

    @Test
    void a_flow_of_a_hold_that_breaks_a_rule_is_refused() {
        holds.open(flow("h-1", FlowType.FREEZE, 0, each(0, 300, 0, 0)), PATH, "L-1", "CNY", T0.plusSeconds(60));

        assertThat(refusal(() -> holds.apply(flow("h-2", FlowType.USE, 1, List.of(delta(7, 0, -10, 10, 0))))))
                .contains("are not the path");
        assertThat(refusal(() -> holds.apply(flow("h-2", FlowType.USE, 1, List.of(delta(7, 0, -10, 10, 0),
                delta(8, 0, -20, 20, 0)))))).contains("moves frozen / in transit / in use differently");
        assertThat(refusal(() -> holds.apply(flow("h-2", FlowType.UNFREEZE, 1, each(0, -400, 0, 0)))))
                .contains("would go negative");
        assertThat(refusal(() -> holds.apply(flow("h-2", FlowType.USE, 120, each(0, -10, 10, 0))))).contains("expired");
        assertThat(refusal(() -> holds.apply(flow("h-2", FlowType.DISBURSE, 1, each(0, -10, 0, 10)))))
                .contains("a DISBURSE moves");
        assertThat(refusal(() -> holds.apply(flow("h-2", FlowType.RETURN, 1, each(0, 0, 0, -10)))))
                .as("a repayment retires its amount on the non-revolving node").contains("must retire 10");
        assertThat(refusal(() -> holds.apply(new HistoricalHolds.HoldFlow("h-2", "h-9", FlowType.UNFREEZE,
                T0, each(0, -1, 0, 0))))).contains("hold h-9 is not opened");
    }

    @Test
    void flows_without_a_hold_may_only_leave_no_exposure_behind() {
        holds.holdless(2, each(0, 100, 0, 0));
        holds.holdless(4, each(0, -100, 0, 0));
        assertThat(holds.openHoldlessExposure()).as("frozen and released again").isNull();

        holds.holdless(6, each(0, 0, 40, 0));
        assertThat(holds.openHoldlessExposure()).isNotNull().satisfies(open -> {
            assertThat(open.getKey()).isEqualTo(6);
            assertThat(open.getValue()).contains("node 7 with frozen 0, in transit 40, in use 0");
        });
    }

    private static HistoricalHolds.HoldFlow flow(String requestId, FlowType type, long seconds, List<NodeDelta> entries) {
        String holdId = type == FlowType.FREEZE ? requestId : "h-1";
        return new HistoricalHolds.HoldFlow(requestId, holdId, type, T0.plusSeconds(seconds), entries);
    }

    private static List<NodeDelta> each(long retired, long frozen, long inTransit, long inUse) {
        return List.of(delta(7, retired, frozen, inTransit, inUse), delta(8, retired, frozen, inTransit, inUse));
    }

    private static NodeDelta delta(long node, long retired, long frozen, long inTransit, long inUse) {
        return new NodeDelta(node, 0, 0, null, retired, frozen, inTransit, inUse);
    }

    private static String refusal(Runnable call) {
        LimitRejection refused = catchThrowableOfType(LimitRejection.class, call::run);
        assertThat(refused).as("refused").isNotNull();
        return refused.getMessage();
    }
}
