package io.creditsuite.api.ping;

/** Ping of reconcile-service. */
public interface ReconcilePingService extends PingService {
}
