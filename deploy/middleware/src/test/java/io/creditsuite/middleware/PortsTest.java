package io.creditsuite.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void a_free_port_can_be_bound_and_is_never_handed_out_twice() throws Exception {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.freePort();
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = Ports.freePort();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void a_broker_port_comes_with_its_fast_channel_port_free() {
        int port = Ports.freeBrokerPort();
        assertThat(Ports.isFree(port)).isTrue();
        assertThat(Ports.isFree(port - 2)).isTrue();
    }

    @Test
    void a_port_is_open_while_something_listens_and_not_after() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            port = socket.getLocalPort();
            assertThat(Ports.isOpen(Ports.LOOPBACK, port, 500)).isTrue();
            assertThat(Ports.isFree(port)).isFalse();
        }
        assertThat(Ports.isOpen(Ports.LOOPBACK, port, 500)).isFalse();
    }

    @Test
    void a_port_outside_the_tcp_range_is_rejected_with_its_name() {
        assertThatThrownBy(() -> Ports.requireValid(70000, "ZooKeeper port"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZooKeeper port");
        assertThat(Ports.requireValid(2181, "ZooKeeper port")).isEqualTo(2181);
    }
}
