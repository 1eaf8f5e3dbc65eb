package io.creditsuite.account.domain;

import java.time.LocalDate;

/**
 * Where the chained records of a TCC try and cancel come from. A try moves sub-balances (available -&gt; frozen, or
 * promises an inflow) and a cancel moves them back; neither changes the balance, so each is a balance-neutral journal
 * entry on the account it moves (see {@link EntryMovement}), not a ledger posting.
 *
 * <p>Guarantees:
 * <pre>
 *   voucher = DerivedVoucher.ofTransferPhase = "#TCC-" + transferId + "-" + direction + "-" + ("TRY" | "CANCEL"), not a reversal,
 *             leg 1 on the branch's account, leg 2 on its contra (both legs are reserved: TransferReservationPolicy)
 *             (in the ledger's own namespace, so no caller can take it; at most 64 chars)
 *   one try record and at most one cancel record per branch and leg  (UNIQUE voucher_no, leg_no, reversal)
 *   trace id = the global transaction's xid;  request digest = Transfer.bodyDigest()
 * </pre>
 */
public final class TransferRecords {
    private TransferRecords() {
    }

    /** The record of the try's reservation of leg {@code legNo} (1: the branch's account, 2: its contra). */
    public static EntryOrigin ofTry(Transfer t, int legNo, LocalDate accountingDate) {
        return origin(t, "TRY", legNo, accountingDate);
    }

    /** The record of the cancel's release of leg {@code legNo}. */
    public static EntryOrigin ofCancel(Transfer t, int legNo, LocalDate accountingDate) {
        return origin(t, "CANCEL", legNo, accountingDate);
    }

    private static EntryOrigin origin(Transfer t, String phase, int legNo, LocalDate accountingDate) {
        String voucher = DerivedVoucher.ofTransferPhase(t.transferId(), t.direction(), phase);
        String type = "TRANSFER_" + t.direction() + "_" + phase;
        return new EntryOrigin(voucher, legNo, false, null, type, accountingDate, new EntryContext(accountingDate, t.xid())
                .traceId(), t.bodyDigest());
    }
}
