package io.creditsuite.gateway.domain.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuiteHealthTest {
    private static final Set<String> REQUIRED = Set.of("gateway", "credit-service", "account-service");

    @Test
    void the_suite_is_up_when_every_required_service_answered() {
        SuiteHealth health = SuiteHealth.of(REQUIRED, List.of(up("gateway"), up("credit-service"), up("account-service")));

        assertTrue(health.up());
        assertEquals(Set.of(), health.missing());
    }

    @Test
    void one_unreachable_service_takes_the_suite_down_and_is_named() {
        SuiteHealth health = SuiteHealth.of(REQUIRED, List.of(up("gateway"), down("credit-service"), up("account-service")));

        assertFalse(health.up());
        assertEquals(Set.of("credit-service"), health.missing());
    }

    @Test
    void a_service_that_was_never_checked_counts_as_unreachable() {
        SuiteHealth health = SuiteHealth.of(REQUIRED, List.of(up("gateway"), up("credit-service")));

        assertFalse(health.up());
        assertEquals(Set.of("account-service"), health.missing());
    }

    @Test
    void a_check_cannot_report_negative_latency() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceCheck("gateway", true, -1, ""));
    }

    private static ServiceCheck up(String service) {
        return new ServiceCheck(service, true, 1, "0.1.0");
    }

    private static ServiceCheck down(String service) {
        return new ServiceCheck(service, false, 5, "RpcException: No provider available");
    }
}
