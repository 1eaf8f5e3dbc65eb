package io.creditsuite.approval.domain.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {
    private static final Instant CREATED = Instant.parse("2026-12-03T08:00:00Z");
    private final SlaPolicy sla = new SlaPolicy(Map.of(ReviewStep.FIRST_REVIEW, Duration.ofHours(8),
            ReviewStep.FINAL_REVIEW, Duration.ofHours(8), ReviewStep.RECHECK, Duration.ofHours(4)));

    @Test
    void an_open_task_is_pending_until_its_due_time_and_violated_from_it() {
        assertThat(sla.dueAt(ReviewStep.RECHECK, CREATED)).isEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
        assertThat(sla.openState(ReviewStep.RECHECK, CREATED, CREATED.plusSeconds(4 * 3600 - 1)))
                .isEqualTo(SlaPolicy.SlaState.PENDING);
        assertThat(sla.openState(ReviewStep.RECHECK, CREATED, CREATED.plusSeconds(4 * 3600)))
                .isEqualTo(SlaPolicy.SlaState.VIOLATED);
    }

    @Test
    void a_done_task_met_its_sla_when_done_by_the_due_time() {
        assertThat(sla.doneState(ReviewStep.FIRST_REVIEW, CREATED, CREATED.plus(Duration.ofHours(8))))
                .isEqualTo(SlaPolicy.SlaState.MET);
        assertThat(sla.doneState(ReviewStep.FIRST_REVIEW, CREATED, CREATED.plus(Duration.ofHours(8)).plusMillis(1)))
                .isEqualTo(SlaPolicy.SlaState.VIOLATED);
    }

    @Test
    void every_stage_needs_a_positive_limit() {
        assertThatThrownBy(() -> new SlaPolicy(Map.of(ReviewStep.FIRST_REVIEW, Duration.ofHours(1))))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SlaPolicy(Map.of(ReviewStep.FIRST_REVIEW, Duration.ZERO, ReviewStep.FINAL_REVIEW,
                Duration.ofHours(1), ReviewStep.RECHECK, Duration.ofHours(1)))).isInstanceOf(IllegalArgumentException.class);
    }
}
