package io.creditsuite.gateway.infrastructure.web.partner;

/**
 * Marks a partner request body: {@link StrictJsonBodyConverter} reads it, refusing unknown fields, duplicate keys
 * and values of the wrong JSON type instead of guessing (a number where a decimal string is expected is not
 * coerced).
 */
public interface StrictJsonBody {
}
