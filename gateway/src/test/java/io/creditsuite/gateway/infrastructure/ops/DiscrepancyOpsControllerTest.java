package io.creditsuite.gateway.infrastructure.ops;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.DiscrepancyService;
import io.creditsuite.api.reconcile.DiscrepancyView;
import io.creditsuite.gateway.infrastructure.web.ProblemResponses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The operator endpoints hand reconcile-service's answers and codes through as JSON and problem+json. */
class DiscrepancyOpsControllerTest {
    private final List<String> calls = new ArrayList<>();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DiscrepancyOpsController(new OneDiscrepancy()))
            .setControllerAdvice(new ProblemResponses()).build();

    private static DiscrepancyView view(String state) {
        return new DiscrepancyView(7L, "R-DRAWDOWN-LEDGER", "LOAN-LN1-OUT", "2026-12-03", state, null, null, "d", 1,
                "critical", "lending", "", "LOAN_DRAWDOWN_COMMITTED:LN1", 1L, 2L, List.of());
    }

    private final class OneDiscrepancy implements DiscrepancyService {
        @Override
        public List<DiscrepancyView> discrepancies(String state, String ruleId, int limit) {
            calls.add("list " + state + " " + ruleId + " " + limit);
            return List.of(view("OPEN"));
        }

        @Override
        public DiscrepancyView discrepancy(long id) {
            if (id != 7) {
                throw new ApiException(ErrorCode.DISCREPANCY_UNKNOWN, "no discrepancy " + id);
            }
            return view("OPEN");
        }

        @Override
        public DiscrepancyView acknowledge(long id, String who, String note) {
            calls.add("ack " + id + " " + who + " " + note);
            return view("ACKNOWLEDGED");
        }

        @Override
        public DiscrepancyView resolveByBooking(long id, String who, String voucherNo) {
            throw new ApiException(ErrorCode.CORRECTIVE_VOUCHER_UNKNOWN, "the ledger has no posting " + voucherNo);
        }

        @Override
        public DiscrepancyView accept(long id, String who, String note) {
            throw new ApiException(ErrorCode.DISCREPANCY_STATE_CONFLICT, "already resolved");
        }
    }

    @Test
    void reads_and_actions_pass_through_with_reconciles_codes() throws Exception {
        mvc.perform(get("/ops/v1/discrepancies?state=OPEN&rule=R-DRAWDOWN-LEDGER&limit=5")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].fingerprint").value("LOAN-LN1-OUT"));
        mvc.perform(get("/ops/v1/discrepancies/8")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CS-5001"));
        mvc.perform(post("/ops/v1/discrepancies/7/acknowledge").contentType(MediaType.APPLICATION_JSON)
                .content("{\"who\":\"sre-li\",\"note\":\"on it\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"));
        mvc.perform(post("/ops/v1/discrepancies/7/resolve-by-booking").contentType(MediaType.APPLICATION_JSON)
                .content("{\"who\":\"sre-li\",\"voucherNo\":\"ADJ-1\"}")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("CS-5003"));
        mvc.perform(post("/ops/v1/discrepancies/7/accept").contentType(MediaType.APPLICATION_JSON)
                .content("{\"who\":\"biz\",\"note\":\"ok\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CS-5002"));
        mvc.perform(post("/ops/v1/discrepancies/7/accept").contentType(MediaType.APPLICATION_JSON).content("nope"))
                .andExpect(status().isBadRequest());
        org.assertj.core.api.Assertions.assertThat(calls).containsExactly("list OPEN R-DRAWDOWN-LEDGER 5",
                "ack 7 sre-li on it");
    }
}
