package io.creditsuite.api.ping;

/** Ping of the gateway, which is also a Dubbo provider. */
public interface GatewayPingService extends PingService {
}
