package io.creditsuite.gateway.infrastructure.rpc;

import io.creditsuite.api.ping.BuildInfo;
import io.creditsuite.api.ping.PingService;
import io.creditsuite.gateway.domain.health.ServiceCheck;
import io.creditsuite.gateway.domain.health.ServicePinger;

/** Pings a service over Dubbo and checks that the expected service, not some other one, answered. */
public class DubboServicePinger implements ServicePinger {
    private final String service;
    private final PingService reference;

    public DubboServicePinger(String service, PingService reference) {
        this.service = service;
        this.reference = reference;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public ServiceCheck ping() {
        long start = System.nanoTime();
        try {
            BuildInfo info = reference.ping();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!service.equals(info.service())) {
                return new ServiceCheck(service, false, millis, "answered by " + info.service());
            }
            return new ServiceCheck(service, true, millis, info.version() + " (" + info.gitCommit() + ")");
        } catch (RuntimeException e) {
            return new ServiceCheck(service, false, (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
