package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * One branch of a transfer under a Seata global transaction.
 *
 * @param transferId      the caller's id of the transfer; with the direction, the idempotency key and the voucher
 * @param accountId       the account money leaves (OUT) or arrives at (IN)
 * @param contraAccountId the clearing (in-transit) account that takes the other leg of the confirm's posting; the
 *                        try reserves that leg on it too (so it must be ACTIVE, in the currency, not split, and
 *                        able to pay a leg that lowers it, e.g. with an overdraft allowance for money in flight)
 */
public record TransferBranchRequest(String transferId, long accountId, long contraAccountId, long amountMinor,
                                    String currency) implements Serializable {
}
