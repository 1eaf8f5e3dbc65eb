package io.creditsuite.api.ping;

/** Ping of approval-service. */
public interface ApprovalPingService extends PingService {
}
