package io.creditsuite.api.ping;

/** Ping of credit-service. */
public interface CreditPingService extends PingService {
}
