package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.LineAction;
import io.creditsuite.api.credit.LineActionRequest;
import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every limit fact leaves exactly one outbox row of CS_CREDIT_EVENTS, written by the limit writer in the fact's own
 * transaction (the group commit's pool for caller operations, the service's pool for maintenance); a refused
 * operation and a retry leave none (docs/events.md).
 */
class CreditEventsIT extends CreditLimitITSupport {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_hold_s_life_is_one_event_per_flow_keyed_by_request_id_and_ordered_by_the_holder() throws Exception {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        String holder = customer(CustomerSource.DEALER, null, null);
        GrantLineResult guarantee = guarantee(upstream, 1_000);
        GrantLineResult line = vendorLine(upstream, holder, root(guarantee), 1_000, true);
        long leaf = product(line);

        FreezeRequest freeze = new FreezeRequest(id("r"), line.lineId(), leaf, 0, 300, CNY, null);
        LimitOperationResult hold = limits.freeze(freeze);
        limits.freeze(freeze); // a retry: answered from the flow log, no second fact
        UseRequest use = new UseRequest(id("r"), hold.holdId(), 200, CNY);
        limits.use(use);
        DisburseRequest disburse = new DisburseRequest(id("r"), hold.holdId(), 200, CNY);
        limits.disburse(disburse);
        ReturnRequest repay = new ReturnRequest(id("r"), hold.holdId(), 50, CNY);
        limits.repay(repay);
        UnfreezeRequest release = new UnfreezeRequest(id("r"), hold.holdId());
        limits.unfreeze(release);
        LimitOperationResult refused = limits.freeze(new FreezeRequest(id("r"), line.lineId(), leaf, 0, 5_000, CNY, null));
        assertThat(refused.outcome()).isEqualTo(LimitOutcome.LIMIT_INSUFFICIENT);
        LineActionRequest freezeLine = new LineActionRequest(id("r"), "ops-1", "risk", line.lineId(), LineAction.FREEZE);
        maintenance.changeLineState(freezeLine);

        List<Map<String, Object>> events = eventsOf(holder);
        assertThat(events).extracting(e -> e.get("event_type")).containsExactly("CREDIT_LINE_GRANTED",
                "CREDIT_HOLD_FROZEN", "CREDIT_HOLD_USED", "CREDIT_HOLD_DISBURSED", "CREDIT_HOLD_RETURNED",
                "CREDIT_HOLD_RELEASED", "CREDIT_LINE_STATUS_CHANGED");
        assertThat(events).extracting(e -> e.get("business_key")).containsExactly(line.requestId(), freeze.requestId(),
                use.requestId(), disburse.requestId(), repay.requestId(), release.requestId(), freezeLine.requestId());
        assertThat(events).allSatisfy(e -> assertThat(e).containsEntry("topic", "CS_CREDIT_EVENTS")
                .containsEntry("schema_version", 1));

        JsonNode frozen = json.readTree((String) events.get(1).get("payload_json"));
        assertThat(frozen.get("holdId").asText()).isEqualTo(hold.holdId());
        assertThat(frozen.get("customerId").asText()).isEqualTo(holder);
        assertThat(frozen.get("lineId").asText()).isEqualTo(line.lineId());
        assertThat(frozen.get("creditMinor").asLong()).isEqualTo(300);
        assertThat(frozen.get("flowSeq").asLong()).isEqualTo(hold.flowSeq());
        assertThat(frozen.get("hold").get("frozenMinor").asLong()).isEqualTo(300);
        assertThat(frozen.get("entries")).as("one entry per node of the path, the shared guarantee node included")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(frozen.get("entries").get(0).get("frozenMinor").asLong()).isEqualTo(300);
        JsonNode released = json.readTree((String) events.get(5).get("payload_json"));
        assertThat(released.get("release").asText()).isEqualTo("CALLER");
        assertThat(released.get("creditMinor").asLong()).isEqualTo(100);
        JsonNode lineFrozen = json.readTree((String) events.get(6).get("payload_json"));
        assertThat(lineFrozen.get("from").asText()).isEqualTo("ACTIVE");
        assertThat(lineFrozen.get("to").asText()).isEqualTo("FROZEN");
    }

    /** The holder's events, in outbox order (the relay's order). */
    private List<Map<String, Object>> eventsOf(String holder) {
        return jdbc.queryForList("SELECT topic, event_type, schema_version, business_key, payload_json FROM outbox_event"
                + " WHERE ordering_key = ? ORDER BY id", holder);
    }
}
