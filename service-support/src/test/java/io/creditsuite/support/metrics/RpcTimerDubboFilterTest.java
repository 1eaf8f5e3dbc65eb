package io.creditsuite.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;

/** A call's outcome tag: refusals by their stable code, so a dashboard counts refusals by reason. */
class RpcTimerDubboFilterTest {

    @Test
    void a_refusal_is_tagged_with_its_code_a_transport_failure_and_anything_else_apart() {
        assertThat(RpcTimerDubboFilter.outcome(new ApiException(ErrorCode.LOAN_UNKNOWN, "no loan"))).isEqualTo("CS-2200");
        assertThat(RpcTimerDubboFilter.outcome(new RpcException(RpcException.TIMEOUT_EXCEPTION, "late")))
                .isEqualTo("rpc-error");
        assertThat(RpcTimerDubboFilter.outcome(new IllegalStateException("bug"))).isEqualTo("error");
    }
}
