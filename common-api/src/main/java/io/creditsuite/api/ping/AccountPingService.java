package io.creditsuite.api.ping;

/** Ping of account-service. */
public interface AccountPingService extends PingService {
}
