package io.creditsuite.support.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.support.env.Environments;
import io.creditsuite.support.requestid.RequestIds;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Phase two logs under its XID; a try keeps the request's id; the thread's log context is restored either way. */
class TccPhaseTraceTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void phase_two_logs_under_its_xid_and_leaves_the_thread_as_it_found_it() {
        String during = TccPhaseTrace.run("CreditLimit", "confirm", "10.0.0.5:8091:42", Map.of("hold", "loan:LN1"),
                () -> MDC.get(RequestIds.MDC_KEY));
        assertThat(during).isEqualTo("xid:10.0.0.5:8091:42");
        assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();

        MDC.put(RequestIds.MDC_KEY, "rm-thread");
        assertThat(TccPhaseTrace.run("LedgerTransfer", "cancelOut", "x:1", Map.of("transfer", "LOAN-LN1"),
                () -> MDC.get(RequestIds.MDC_KEY))).isEqualTo("xid:x:1");
        assertThat(MDC.get(RequestIds.MDC_KEY)).isEqualTo("rm-thread");
    }

    @Test
    void a_try_runs_inside_its_request_and_keeps_the_requests_id() {
        MDC.put(RequestIds.MDC_KEY, "req-7");
        assertThat(TccPhaseTrace.run("CreditLimit", "try", "x:2", Map.of(), () -> MDC.get(RequestIds.MDC_KEY)))
                .isEqualTo("req-7");
        assertThat(MDC.get(RequestIds.MDC_KEY)).isEqualTo("req-7");
    }

    @Test
    void the_trys_environment_travels_in_the_action_context_and_phase_two_runs_in_it() {
        Map<String, Object> actionContext = new java.util.HashMap<>();
        TccPhaseTrace.carryEnvironment(actionContext::put);
        assertThat(actionContext).as("a baseline try adds nothing").isEmpty();

        MDC.put(Environments.MDC_KEY, "feature-x");
        TccPhaseTrace.carryEnvironment(actionContext::put);
        MDC.clear();

        assertThat(actionContext).containsEntry(TccPhaseTrace.ENV, "feature-x");
        assertThat(TccPhaseTrace.run("LedgerTransfer", "confirmOut", "x:3", (String) actionContext.get(TccPhaseTrace.ENV),
                Map.of(), () -> Environments.current().orElse("base"))).isEqualTo("feature-x");
        assertThat(TccPhaseTrace.run("LedgerTransfer", "confirmOut", "x:4", null, Map.of(),
                () -> Environments.current().orElse("base"))).isEqualTo("base");
        assertThat(Environments.current()).isEmpty();
    }
}
