package io.creditsuite.api.account;

import static io.creditsuite.api.HessianRoundTrip.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DTO of the day-end cutover API survives Dubbo's Hessian2 serialization unchanged. */
class DayEndApiHessianRoundTripTest {

    static Stream<Object> dtos() {
        return Stream.of(
                new CutoverRequest("2026-11-22"),
                new CutoverResult("2026-11-22", "2026-11-23", "COMPLETED", 42, "2026-11-23T00:01:02Z"),
                new CutoverResult("2026-11-22", "2026-11-23", "SWITCHED", 0, null),
                new EndOfDayBalanceView(7, "2026-11-22", "CNY", 1_000, -20, 3),
                new NearRealTimeBalanceView(7, "CNY", "2026-11-24", "2026-11-22", 1_000, 50, 5, 1_055),
                new NearRealTimeBalanceView(8, "CNY", "2026-11-24", null, 0, 50, 0, 50));
    }

    @ParameterizedTest
    @MethodSource("dtos")
    void survives_hessian(Object dto) throws Exception {
        assertEquals(dto, roundTrip(dto));
    }
}
