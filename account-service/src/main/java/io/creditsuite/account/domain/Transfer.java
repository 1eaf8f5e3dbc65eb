package io.creditsuite.account.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One TCC branch of a transfer (TransOut / TransIn) on one account, against a contra (clearing) account.
 *
 * <p>Guarantees (the money rules are {@link TransferReservationPolicy}'s):
 * <pre>
 *   try     (phase -&gt; TRIED)      reserves BOTH legs of the confirm's posting, on the account and on the contra
 *   confirm (only from TRIED)     posts the two legs, voucher {@link DerivedVoucher#ofTransfer "#TCC-&lt;id&gt;-&lt;dir&gt;"},
 *                                 settling exactly what the try reserved: it cannot be refused by a rule
 *   cancel  (only from TRIED)     releases both reservations; the record stays CANCELLED
 *                                 each reservation and each release is a balance-neutral chained record on the
 *                                 account it moves (FREEZE / PROMISE_INFLOW, UNFREEZE / WITHDRAW_PROMISE; {@link TransferRecords})
 *   a phase applies once: CONFIRMED and CANCELLED are final
 * </pre>
 *
 * @param reservation what the try reserved: {@link Reservation#BOTH_LEGS} for every try since V54; a branch tried
 *                    before (ACCOUNT_ONLY) settles its contra leg under the rules, as it was tried
 */
public record Transfer(String transferId, Direction direction, long accountId, long contraAccountId, long amountMinor,
                       String currency, Phase phase, String xid, Reservation reservation) {
    public enum Direction { OUT, IN }

    public enum Phase { TRIED, CONFIRMED, CANCELLED }

    public enum Reservation { ACCOUNT_ONLY, BOTH_LEGS }

    public Transfer {
        if (transferId == null || !transferId.matches("[A-Za-z0-9._:-]{1,48}")) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "transfer id '" + transferId
                    + "' must match [A-Za-z0-9._:-]{1,48}");
        }
        if (amountMinor <= 0) {
            throw new LedgerException(LedgerError.AMOUNT_NOT_POSITIVE, "a transfer amount must be > 0");
        }
        if (accountId == contraAccountId) {
            throw new LedgerException(LedgerError.POSTING_MALFORMED, "the contra account must differ from the account");
        }
        if (reservation == null) {
            throw new IllegalArgumentException("a transfer says what its try reserved");
        }
    }

    /** A branch as a try creates it: both legs reserved. */
    public Transfer(String transferId, Direction direction, long accountId, long contraAccountId, long amountMinor,
                    String currency, Phase phase, String xid) {
        this(transferId, direction, accountId, contraAccountId, amountMinor, currency, phase, xid, Reservation.BOTH_LEGS);
    }

    public String voucherNo() {
        return DerivedVoucher.ofTransfer(transferId, direction);
    }

    /** The fingerprint of the branch's body, the request digest of its try, cancel and confirm entries. */
    public String bodyDigest() {
        return new HashInput().field("CS-TCC-BRANCH").field(transferId).field(direction.name()).field(accountId)
                .field(contraAccountId).field(amountMinor).field(currency).sha256();
    }

    public boolean sameBody(Transfer other) {
        return direction == other.direction && accountId == other.accountId && contraAccountId == other.contraAccountId
                && amountMinor == other.amountMinor && currency.equals(other.currency);
    }

    public Transfer in(Phase next) {
        return new Transfer(transferId, direction, accountId, contraAccountId, amountMinor, currency, next, xid,
                reservation);
    }

    /** The try's effect on the two locked accounts; returns the chained record of each reservation. */
    public List<JournalEntry> reserve(Account account, Account contra, LocalDate accountingDate) {
        return TransferReservationPolicy.reserve(this, account, contra, accountingDate);
    }

    /** The cancel's effect: the try undone; returns the chained record of each release. */
    public List<JournalEntry> release(Account account, Account contra, LocalDate accountingDate) {
        return TransferReservationPolicy.release(this, account, contra, accountingDate);
    }

    /** The confirm's posting: two chained entries, balanced. */
    public List<JournalEntry> settle(Account account, Account contra, LocalDate accountingDate, String traceId) {
        return TransferReservationPolicy.settle(this, account, contra, accountingDate, traceId);
    }
}
