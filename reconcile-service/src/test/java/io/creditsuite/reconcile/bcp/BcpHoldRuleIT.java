package io.creditsuite.reconcile.bcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.reconcile.application.realtime.Counterparts;
import io.creditsuite.reconcile.application.realtime.OverduePairs;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R-HOLD-SETTLED (reconcile V10) on a real broker and database: a hold's FROZEN against its USED, RELEASED or EXPIRED
 * as credit-service publishes them. Each settlement is matched (used + still frozen never above what was frozen, a
 * release or an expiry leaves nothing frozen) in any order and any number of deliveries; an open hold waits while
 * credit-service says it may still be settled, and is raised when credit-service says it no longer may.
 */
class BcpHoldRuleIT extends BcpOnTheWire {
    private static final String RULE = "R-HOLD-SETTLED";
    private static final Duration WINDOW = Duration.ofSeconds(300);

    @Autowired
    private OverduePairs overdue;

    @AfterEach
    void sourcesSayNo() {
        CREDIT_SAYS.set(Counterparts.Answer.ABSENT);
    }

    @Test
    void a_hold_used_in_part_then_released_matches_each_settlement_whatever_the_order_and_repeats()
            throws Exception {
        Hold h = new Hold(10_000);
        send(h.flow("CREDIT_HOLD_RELEASED", "UNFREEZE", "rel-" + h.holdId, 4_000, 0));
        send(h.flow("CREDIT_HOLD_USED", "USE", "use-" + h.holdId, 6_000, 4_000));
        send(h.frozen());
        send(h.flow("CREDIT_HOLD_USED", "USE", "use-" + h.holdId, 6_000, 4_000)); // a redelivery
        send(h.frozen());

        awaitPair(RULE, h.holdId, "MATCHED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bcp_fact WHERE business_key IN (?, ?, ?)", Integer.class,
                h.holdId, "use-" + h.holdId, "rel-" + h.holdId)).as("each fact once").isEqualTo(3);
        assertThat(discrepancyState(RULE, h.holdId)).isNull();
    }

    @Test
    void a_settlement_beyond_what_was_frozen_opens_a_discrepancy_naming_the_hold() throws Exception {
        Hold h = new Hold(10_000);
        send(h.frozen());
        send(h.flow("CREDIT_HOLD_USED", "USE", "use-" + h.holdId, 8_000, 4_000)); // 12,000 out of a 10,000 hold
        awaitPair(RULE, h.holdId, "MISMATCHED");
        assertThat(discrepancyState(RULE, h.holdId)).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT business_ids FROM bcp_discrepancy WHERE rule_id = ? AND fingerprint = ?",
                String.class, RULE, h.holdId)).contains("CREDIT_HOLD_FROZEN:" + h.holdId,
                "CREDIT_HOLD_USED:use-" + h.holdId);
    }

    @Test
    void a_direct_use_opens_no_pair_it_has_no_frozen_side() throws Exception {
        Hold h = new Hold(5_000);
        send(h.flow("CREDIT_HOLD_USED", "USE", h.holdId, 5_000, 0)); // requestId = holdId: a direct use
        Hold marker = new Hold(1_000);
        send(marker.frozen());
        awaitPair(RULE, marker.holdId, "WAITING"); // the same queue: the direct use was consumed before it
        assertThat(pairState(RULE, h.holdId)).isNull();
    }

    @Test
    void an_open_hold_waits_while_credit_says_it_may_still_settle_and_is_raised_when_it_no_longer_may()
            throws Exception {
        Hold h = new Hold(10_000);
        send(h.frozen());
        awaitPair(RULE, h.holdId, "WAITING");

        CREDIT_SAYS.set(Counterparts.Answer.PENDING);
        overdue.sweep(Instant.now().plus(WINDOW).plusSeconds(5), 500);
        assertThat(pairState(RULE, h.holdId)).isEqualTo("WAITING");
        assertThat(jdbc.queryForObject("SELECT extensions FROM bcp_pair WHERE rule_id = ? AND pair_key = ?",
                Integer.class, RULE, h.holdId)).as("nothing is late: no extension counted").isZero();

        CREDIT_SAYS.set(Counterparts.Answer.ABSENT);
        overdue.sweep(Instant.now().plus(WINDOW.multipliedBy(2)).plusSeconds(10), 500);
        assertThat(pairState(RULE, h.holdId)).isEqualTo("MISSING");
        assertThat(jdbc.queryForObject("SELECT detail FROM bcp_discrepancy WHERE rule_id = ? AND fingerprint = ?",
                String.class, RULE, h.holdId))
                .contains("no CREDIT_HOLD_USED or CREDIT_HOLD_RELEASED or CREDIT_HOLD_EXPIRED for CREDIT_HOLD_FROZEN");

        send(h.flow("CREDIT_HOLD_EXPIRED", "EXPIRE", "expire:" + h.holdId, 10_000, 0));
        awaitPair(RULE, h.holdId, "MATCHED");
        assertThat(discrepancyState(RULE, h.holdId)).isEqualTo("RESOLVED");
    }

    /** One caller's hold on line L-H of customer CU-H, its flows as credit-service publishes them. */
    private static final class Hold {
        final String holdId = "h-" + UUID.randomUUID();
        final long frozenMinor;

        Hold(long frozenMinor) {
            this.frozenMinor = frozenMinor;
        }

        Message frozen() throws Exception {
            return flow("CREDIT_HOLD_FROZEN", "FREEZE", holdId, frozenMinor, frozenMinor);
        }

        Message flow(String tag, String flowType, String requestId, long creditMinor, long frozenAfter)
                throws Exception {
            Map<String, Object> hold = new LinkedHashMap<>();
            hold.put("holdId", holdId);
            hold.put("frozenMinor", frozenAfter);
            hold.put("inTransitMinor", 0);
            hold.put("inUseMinor", 0);
            hold.put("expiresAt", null);
            hold.put("tccXid", null);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("requestId", requestId);
            body.put("flowType", flowType);
            body.put("lineId", "L-H");
            body.put("customerId", "CU-H");
            body.put("currency", "CNY");
            body.put("cashMinor", 0);
            body.put("creditMinor", creditMinor);
            body.put("holdId", holdId);
            body.put("hold", hold);
            body.put("occurredAt", Instant.now().toString());
            body.put("traceId", "trace-" + requestId);
            return event("CS_CREDIT_EVENTS", tag, requestId, "CU-H", body);
        }
    }
}
