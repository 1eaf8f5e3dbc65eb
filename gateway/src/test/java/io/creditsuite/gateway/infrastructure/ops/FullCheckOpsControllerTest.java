package io.creditsuite.gateway.infrastructure.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.FullCheckRunView;
import io.creditsuite.api.reconcile.FullCheckService;
import io.creditsuite.gateway.infrastructure.web.ProblemResponses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The full-check endpoints hand reconcile-service's runs and codes through as JSON and problem+json. */
class FullCheckOpsControllerTest {
    private final List<String> started = new ArrayList<>();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FullCheckOpsController(new OneRunAtATime()))
            .setControllerAdvice(new ProblemResponses()).build();

    private static FullCheckRunView view(String state) {
        return new FullCheckRunView(3L, "ALL", state, "LEDGER_TOTALS", 0, 0, 0, null, 1L, null);
    }

    /** Like reconcile-service: a bad scope is CS-1000, a second start while one runs CS-5011, run 3 only. */
    private final class OneRunAtATime implements FullCheckService {
        @Override
        public FullCheckRunView start(String scope, String who) {
            if (scope == null || !scope.equals("ALL") || who == null) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "scope must be ALL, DATE:yyyy-mm-dd or CUSTOMER:<id>");
            }
            if (!started.isEmpty()) {
                throw new ApiException(ErrorCode.FULL_CHECK_BUSY, "run 3 is running");
            }
            started.add(scope + " " + who);
            return view("RUNNING");
        }

        @Override
        public FullCheckRunView run(long runId) {
            if (runId != 3) {
                throw new ApiException(ErrorCode.FULL_CHECK_UNKNOWN, "no full check run " + runId);
            }
            return view("PASSED");
        }
    }

    @Test
    void a_start_is_accepted_with_its_address_and_the_run_reads_back_with_reconciles_codes() throws Exception {
        mvc.perform(post("/ops/v1/full-checks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"ALL\",\"who\":\"sre-li\"}")).andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/ops/v1/full-checks/3"))
                .andExpect(jsonPath("$.state").value("RUNNING"));
        mvc.perform(post("/ops/v1/full-checks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"ALL\",\"who\":\"sre-li\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CS-5011"));
        mvc.perform(get("/ops/v1/full-checks/3")).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PASSED"));
        mvc.perform(get("/ops/v1/full-checks/4")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CS-5010"));
        assertThat(started).containsExactly("ALL sre-li");
    }

    @Test
    void bad_input_is_refused_with_its_code_and_starts_nothing() throws Exception {
        mvc.perform(post("/ops/v1/full-checks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"EVERYTHING\",\"who\":\"sre-li\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-1000"));
        mvc.perform(post("/ops/v1/full-checks").contentType(MediaType.APPLICATION_JSON).content("nope"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/ops/v1/full-checks/abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-1000"));
        assertThat(started).isEmpty();
    }
}
