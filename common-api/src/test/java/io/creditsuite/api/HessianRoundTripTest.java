package io.creditsuite.api;

import static io.creditsuite.api.HessianRoundTrip.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.ping.BuildInfo;
import io.creditsuite.api.probe.BranchPhase;
import io.creditsuite.api.probe.MqProbeMessage;
import io.creditsuite.api.probe.MqProbeReceipt;
import io.creditsuite.api.probe.MqProbeRequest;
import io.creditsuite.api.probe.MqProbeResult;
import io.creditsuite.api.probe.TccBranchView;
import io.creditsuite.api.probe.TccProbeRequest;
import io.creditsuite.api.probe.TccProbeResult;
import io.creditsuite.api.probe.TccProbeScenario;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every DTO of the ping and probe APIs survives Dubbo's Hessian2 serialization unchanged. Records over Hessian
 * have had bugs; this test pins that the Dubbo version in the build has the fixes.
 */
class HessianRoundTripTest {

    static Stream<Object> dtos() {
        return Stream.of(
                new BuildInfo("credit-service", "0.1.0", "abc1234", 1_700_000_000_000L, "17.0.15"),
                new TccProbeRequest("p-1", TccProbeScenario.LATE_ACCOUNT_TRY),
                new TccProbeResult("p-1", "127.0.0.1:8091:42", TccProbeScenario.COMMIT, "Committed",
                        TccProbeResult.AccountTry.TIMED_OUT, 12L),
                new TccBranchView("account-service", "p-1", "127.0.0.1:8091:42", BranchPhase.CONFIRMED, 2, 1_700_000_000_456L),
                new TccBranchView("account-service", "p-3", null, BranchPhase.NONE, 0, 0L),
                new MqProbeRequest("p-2", true, true),
                new MqProbeResult("p-2", "CS_PROBE", "SEND_OK", "ROLLBACK_MESSAGE"),
                new MqProbeReceipt("p-2", true, "reconcile-probe", 1_700_000_000_123L),
                new MqProbeMessage("p-2", true, 1_700_000_000_100L));
    }

    @ParameterizedTest
    @MethodSource("dtos")
    void a_dto_survives_a_hessian2_round_trip(Object dto) throws Exception {
        assertEquals(dto, roundTrip(dto));
    }

    @Test
    void an_api_exception_keeps_its_error_code_and_detail() throws Exception {
        ApiException sent = new ApiException(ErrorCode.REQUEST_ID_REUSED, "request r-1 had amount 100");

        ApiException received = assertInstanceOf(ApiException.class, roundTrip(sent));

        assertEquals(ErrorCode.REQUEST_ID_REUSED, received.errorCode());
        assertEquals("request r-1 had amount 100", received.detail());
        assertEquals(sent.getMessage(), received.getMessage());
    }
}
