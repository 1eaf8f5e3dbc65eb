package io.creditsuite.account.domain;

import java.time.LocalDate;

/**
 * Where the chained records of a TCC try and cancel come from. A try moves sub-balances (available -&gt; frozen, or
 * promises an inflow) and a cancel moves them back; neither changes the balance, so each is a balance-neutral journal
 * entry on the branch's own account (see {@link EntryMovement}), not a ledger posting.
 *
 * <p>Guarantees:
 * <pre>
 *   voucher = "tcc/" + transferId + "/" + direction + "/" + ("try" | "cancel"), leg 1, not a reversal
 *             ('/' is outside the callers' voucher alphabet [A-Za-z0-9._:-], so no caller can take it; at most 63 chars)
 *   one try record and at most one cancel record per branch  (UNIQUE voucher_no, leg_no, reversal)
 *   trace id = the global transaction's xid;  request digest = enc-hash of the branch's body
 * </pre>
 */
public final class TransferRecords {
    private TransferRecords() {
    }

    public static EntryOrigin ofTry(Transfer t, LocalDate accountingDate) {
        return origin(t, "try", accountingDate);
    }

    public static EntryOrigin ofCancel(Transfer t, LocalDate accountingDate) {
        return origin(t, "cancel", accountingDate);
    }

    private static EntryOrigin origin(Transfer t, String phase, LocalDate accountingDate) {
        String voucher = "tcc/" + t.transferId() + "/" + t.direction() + "/" + phase;
        String type = "TRANSFER_" + t.direction() + "_" + phase.toUpperCase(java.util.Locale.ROOT);
        String digest = new HashInput().field("CS-TCC-BRANCH").field(t.transferId()).field(t.direction().name())
                .field(t.accountId()).field(t.contraAccountId()).field(t.amountMinor()).field(t.currency()).sha256();
        return new EntryOrigin(voucher, 1, false, null, type, accountingDate, new EntryContext(accountingDate, t.xid())
                .traceId(), digest);
    }
}
