package io.creditsuite.gateway.infrastructure.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway ({@code credit-suite.gateway.*}).
 *
 * @param probesEnabled expose the wiring probes under {@code /api/v1/system/probes} (default
 *                      {@code true}; the {@code prod} profile turns them off: they are for the
 *                      devstack and system tests, not for partners)
 */
@ConfigurationProperties("credit-suite.gateway")
public record GatewayProperties(@DefaultValue("true") boolean probesEnabled) {
}
