package io.creditsuite.api.account;

import java.io.Serializable;

/** One leg of a posting: {@code amountMinor} in minor units (fen) of {@code currency}, on one side. */
public record LegRequest(long accountId, EntrySide side, long amountMinor, String currency) implements Serializable {
}
