package io.creditsuite.devstack.smoke;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The smoke demo's partner endpoint for decision callbacks: a plain HTTP server on a free loopback port (the devstack
 * lets callbacks go to loopback over http) that answers 200 and keeps what it received.
 */
final class CallbackReceiver implements AutoCloseable {
    /** One POST as it arrived. */
    record Received(String eventId, String timestamp, String keyId, String signature, byte[] body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/callbacks", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                var headers = exchange.getRequestHeaders();
                received.add(new Received(headers.getFirst("X-CS-Event-Id"), headers.getFirst("X-CS-Timestamp"),
                        headers.getFirst("X-CS-Key-Id"), headers.getFirst("X-CS-Signature"), in.readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
