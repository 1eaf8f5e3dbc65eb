package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.middleware.DevstackDefaultPorts;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The tests' list of forbidden ports (deploy/middleware) is exactly what a default devstack binds. */
class DevstackDefaultPortsTest {

    @Test
    void the_forbidden_ports_are_the_devstack_defaults_plus_the_brokers_fast_channel() {
        Set<Integer> bound = new TreeSet<>();
        for (PortName name : PortName.values()) {
            bound.add(name.defaultPort());
        }
        StackPorts defaults = StackPorts.defaults();
        bound.add(defaults.brokerFastPort());
        // the broker's VIP channel 10909 is listenPort - 2; 10910 sits between it and the listen port
        bound.add(defaults.brokerFastPort() + 1);

        assertThat(DevstackDefaultPorts.all()).isEqualTo(bound);
    }
}
