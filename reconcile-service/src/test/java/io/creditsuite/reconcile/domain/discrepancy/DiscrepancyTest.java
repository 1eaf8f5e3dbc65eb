package io.creditsuite.reconcile.domain.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiscrepancyTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static Discrepancy open() {
        return Discrepancy.opened("R-DRAWDOWN-LEDGER", "loan:LN1", "2026-12-03", "no ledger confirm", T0);
    }

    @Test
    void open_acknowledged_then_resolved_by_a_booking_each_step_audited() {
        Discrepancy d = open();
        d.acknowledge("sre-li", "looking", T0.plusSeconds(60));
        d.fixedByBooking("sre-li", "ADJ-7", T0.plusSeconds(120));
        assertThat(d.state()).isEqualTo(DiscrepancyState.RESOLVED);
        assertThat(d.resolution()).isEqualTo(Resolution.FIXED_BY_BOOKING);
        assertThat(d.voucherNo()).isEqualTo("ADJ-7");
        assertThat(d.transitions()).extracting(t -> t.from() + ">" + t.to() + ":" + t.actor())
                .containsExactly("null>OPEN:bcp", "OPEN>ACKNOWLEDGED:sre-li", "ACKNOWLEDGED>RESOLVED:sre-li");
    }

    @Test
    void a_recurrence_counts_while_open_and_reopens_in_place_once_resolved() {
        Discrepancy d = open();
        d.recurred("still no ledger confirm", T0.plusSeconds(30));
        assertThat(d.transitions()).hasSize(1);
        assertThat(d.occurrences()).isEqualTo(2);
        d.passed(T0.plusSeconds(60));
        d.passed(T0.plusSeconds(61));
        assertThat(d.resolution()).isEqualTo(Resolution.AUTO);
        d.recurred("again", T0.plusSeconds(90));
        assertThat(d.state()).isEqualTo(DiscrepancyState.OPEN);
        assertThat(d.resolution()).isNull();
        assertThat(d.key()).isEqualTo("R-DRAWDOWN-LEDGER/loan:LN1/2026-12-03");
        assertThat(d.transitions()).hasSize(3);
    }

    @Test
    void wrong_moves_are_refused() {
        Discrepancy d = open();
        assertThatThrownBy(() -> d.accepted("biz", " ", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.fixedByBooking("sre", null, T0)).isInstanceOf(IllegalArgumentException.class);
        d.accepted("biz-wang", "rounding agreed with the bank", T0);
        assertThatThrownBy(() -> d.acknowledge("sre", "late", T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> d.accepted("biz", "twice", T0)).isInstanceOf(IllegalStateException.class);
    }
}
