package io.creditsuite.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.creditsuite.gateway.domain.health.ServiceCheck;
import io.creditsuite.gateway.domain.health.ServicePinger;
import io.creditsuite.gateway.domain.health.SuiteHealth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CheckSuiteHealthTest {

    @Test
    void every_pinger_is_asked_and_a_failure_is_reported_by_name() {
        try (CheckSuiteHealth useCase = new CheckSuiteHealth(List.of(fake("a", true), fake("b", false)))) {
            SuiteHealth health = useCase.check();

            assertFalse(health.up());
            assertEquals(Set.of("b"), health.missing());
            assertEquals(2, health.checks().size());
        }
    }

    @Test
    void pings_run_in_parallel_so_each_can_wait_for_the_other() throws Exception {
        // each pinger waits until the other has started: serial pings would never get past the first
        CountDownLatch bothStarted = new CountDownLatch(2);
        ServicePinger a = waiting("a", bothStarted);
        ServicePinger b = waiting("b", bothStarted);
        try (CheckSuiteHealth useCase = new CheckSuiteHealth(List.of(a, b))) {
            assertTrue(useCase.check().up());
        }
    }

    @Test
    void the_request_id_travels_to_the_threads_that_ping() {
        MDC.put("requestId", "req-42");
        try (CheckSuiteHealth useCase = new CheckSuiteHealth(List.of(new ServicePinger() {
            public String service() {
                return "a";
            }

            public ServiceCheck ping() {
                return new ServiceCheck("a", "req-42".equals(MDC.get("requestId")), 0, MDC.get("requestId"));
            }
        }))) {
            assertTrue(useCase.check().up());
        } finally {
            MDC.clear();
        }
    }

    private static ServicePinger fake(String name, boolean reachable) {
        return new ServicePinger() {
            public String service() {
                return name;
            }

            public ServiceCheck ping() {
                return new ServiceCheck(name, reachable, 0, "");
            }
        };
    }

    private static ServicePinger waiting(String name, CountDownLatch bothStarted) {
        return new ServicePinger() {
            public String service() {
                return name;
            }

            public ServiceCheck ping() {
                bothStarted.countDown();
                try {
                    return new ServiceCheck(name, bothStarted.await(10, TimeUnit.SECONDS), 0, "");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new ServiceCheck(name, false, 0, "interrupted");
                }
            }
        };
    }
}
