package io.creditsuite.approval.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportPoliciesTest {

    @Test
    void nearest_rank_reports_a_value_that_occurred() {
        assertThat(NearestRank.percentile(new long[] {4, 1, 3, 2}, 50)).isEqualTo(2);
        assertThat(NearestRank.percentile(new long[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 90)).isEqualTo(9);
        assertThat(NearestRank.percentile(new long[] {7}, 90)).isEqualTo(7);
        assertThat(NearestRank.percentile(new long[0], 50)).isZero();
        assertThatThrownBy(() -> NearestRank.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_wait_falls_in_exactly_one_bucket_lower_bounds_inclusive() {
        assertThat(WaitBucket.of(Duration.ofSeconds(-5))).isEqualTo(WaitBucket.UNDER_1H);
        assertThat(WaitBucket.of(Duration.ofMinutes(59))).isEqualTo(WaitBucket.UNDER_1H);
        assertThat(WaitBucket.of(Duration.ofHours(1))).isEqualTo(WaitBucket.FROM_1H_TO_4H);
        assertThat(WaitBucket.of(Duration.ofHours(4).minusMillis(1))).isEqualTo(WaitBucket.FROM_1H_TO_4H);
        assertThat(WaitBucket.of(Duration.ofHours(8))).isEqualTo(WaitBucket.FROM_8H_TO_24H);
        assertThat(WaitBucket.of(Duration.ofDays(30))).isEqualTo(WaitBucket.OVER_24H);
    }

    @Test
    void a_period_is_whole_utc_days_validated() {
        ReportPeriod p = ReportPeriod.parse("2026-12-01", "2026-12-03", 92);
        assertThat(p.start()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(p.end()).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        assertThatThrownBy(() -> ReportPeriod.parse("2026-12-03", "2026-12-01", 92)).hasMessageContaining("after");
        assertThatThrownBy(() -> ReportPeriod.parse("2026-01-01", "2026-12-01", 92)).hasMessageContaining("92 days");
        assertThatThrownBy(() -> ReportPeriod.parse("12/01/2026", "2026-12-01", 92)).hasMessageContaining("ISO date");
        assertThatThrownBy(() -> ReportPeriod.parse(null, "2026-12-01", 92)).hasMessageContaining("fromDate");
    }
}
