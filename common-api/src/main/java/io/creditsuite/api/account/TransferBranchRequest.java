package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * One branch of a transfer under a Seata global transaction.
 *
 * @param transferId      the caller's id of the transfer; with the direction, the idempotency key and the voucher
 * @param accountId       the account money leaves (OUT) or arrives at (IN)
 * @param contraAccountId the clearing (in-transit) account that takes the other leg of the confirm's posting
 */
public record TransferBranchRequest(String transferId, long accountId, long contraAccountId, long amountMinor,
                                    String currency) implements Serializable {
}
