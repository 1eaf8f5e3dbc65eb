package io.creditsuite.support.trace;

import static org.assertj.core.api.Assertions.assertThat;

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
}
