package io.creditsuite.gateway.infrastructure.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the partner API ({@code credit-suite.gateway.partner-api.*}).
 *
 * @param currencies the ISO 4217 codes partners may name (upper case; each must have a minor unit)
 */
@ConfigurationProperties("credit-suite.gateway.partner-api")
public record PartnerApiProperties(@DefaultValue({"CNY", "USD", "EUR", "HKD", "JPY"}) List<String> currencies) {
}
