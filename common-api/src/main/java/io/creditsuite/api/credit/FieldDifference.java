package io.creditsuite.api.credit;

import java.io.Serializable;

/**
 * One balance field of a node: its stored and its replayed value (minor units, or epoch millis for
 * {@code temporaryExpiresAt}; null when no expiry is set). {@code replayed - stored} is what a correction moves.
 */
public record FieldDifference(String field, Long storedValue, Long replayedValue) implements Serializable {
}
