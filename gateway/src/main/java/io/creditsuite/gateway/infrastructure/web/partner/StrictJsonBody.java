package io.creditsuite.gateway.infrastructure.web.partner;

/**
 * Marks a partner request body (or an operator's BCP rule): {@link StrictJsonBodyConverter} reads it, refusing
 * unknown fields, duplicate keys and values of the wrong JSON type instead of guessing (a number where a decimal
 * string is expected is not coerced, nor a fraction where a whole number is).
 */
public interface StrictJsonBody {
}
