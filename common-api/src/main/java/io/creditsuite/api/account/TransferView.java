package io.creditsuite.api.account;

import java.io.Serializable;

/** A TCC transfer branch as account-service recorded it. */
public record TransferView(String transferId, long accountId, long contraAccountId, long amountMinor, String currency,
                           TransferDirection direction, TransferPhase phase, String xid) implements Serializable {
}
