package io.creditsuite.api.account;

import static io.creditsuite.api.HessianRoundTrip.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DTO of the account status API survives Dubbo's Hessian2 serialization unchanged. */
class AccountStatusApiHessianRoundTripTest {

    static Stream<Object> dtos() {
        AccountStatusChange freeze = new AccountStatusChange("st-1", 7, "FREEZE", "ACTIVE", "FROZEN", 0, "ops-alice",
                "court order 2026-17", "2026-11-22T05:00:01.123Z", false);
        AccountStatusChange close = new AccountStatusChange("st-2", 7, "CLOSE", "FROZEN", "CLOSED", 4, "ops-bob",
                "customer left", "2026-11-22T06:00:00Z", true);
        // a history repeats statuses and actions in one message
        List<AccountStatusChange> history = new ArrayList<>(List.of(freeze, close, freeze));
        return Stream.of(
                new AccountStatusRequest("st-1", 7, "ops-alice", "court order 2026-17"),
                freeze,
                close,
                history);
    }

    @ParameterizedTest
    @MethodSource("dtos")
    void a_dto_survives_a_hessian2_round_trip(Object dto) throws Exception {
        assertEquals(dto, roundTrip(dto));
    }
}
