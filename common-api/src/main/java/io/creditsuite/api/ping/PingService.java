package io.creditsuite.api.ping;

/**
 * Liveness over Dubbo. Each service exposes its own sub-interface so that a consumer names
 * exactly the provider it wants to reach; the gateway fans out to all of them.
 */
public interface PingService {
    BuildInfo ping();
}
