package io.creditsuite.account.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One TCC branch of a transfer (TransOut / TransIn) on one account.
 *
 * <p>Guarantees:
 * <pre>
 *   try    OUT: available -= amount, frozen += amount   (balance unchanged; a chained FREEZE record, TransferRecords)
 *          IN : inTransit += amount                      (balance unchanged; a chained PROMISE_INFLOW record)
 *   confirm (only from TRIED)  posts a balanced two-leg posting, voucher "TCC-&lt;id&gt;-&lt;dir&gt;":
 *          OUT: frozen -= amount, the account's balance falls; the contra (clearing) account takes the other side
 *          IN : inTransit -= amount, the account's balance rises; the contra account takes the other side
 *   cancel (only from TRIED)  undoes the try (a chained UNFREEZE / WITHDRAW_PROMISE record); the record stays CANCELLED
 *   a phase applies once: CONFIRMED and CANCELLED are final
 * </pre>
 */
public record Transfer(String transferId, Direction direction, long accountId, long contraAccountId, long amountMinor,
                       String currency, Phase phase, String xid) {
    public enum Direction { OUT, IN }

    public enum Phase { TRIED, CONFIRMED, CANCELLED }

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
    }

    public String voucherNo() {
        return "TCC-" + transferId + "-" + direction;
    }

    public boolean sameBody(Transfer other) {
        return direction == other.direction && accountId == other.accountId && contraAccountId == other.contraAccountId
                && amountMinor == other.amountMinor && currency.equals(other.currency);
    }

    public Transfer in(Phase next) {
        return new Transfer(transferId, direction, accountId, contraAccountId, amountMinor, currency, next, xid);
    }

    /** The try's effect on the locked account; returns its chained record. */
    public JournalEntry reserve(Account account, LocalDate accountingDate) {
        account.requireAccepts(new Leg(account.id(), Side.DEBIT, amountMinor, currency));
        EntryOrigin origin = TransferRecords.ofTry(this, accountingDate);
        return direction == Direction.OUT ? account.freeze(amountMinor, origin) : account.promiseInflow(amountMinor, origin);
    }

    /** The cancel's effect: the try undone; returns its chained record. */
    public JournalEntry release(Account account, LocalDate accountingDate) {
        EntryOrigin origin = TransferRecords.ofCancel(this, accountingDate);
        return direction == Direction.OUT ? account.unfreeze(amountMinor, origin)
                : account.withdrawPromise(amountMinor, origin);
    }

    /** The confirm's posting: two chained entries, balanced. */
    public List<JournalEntry> settle(Account account, Account contra, LocalDate accountingDate, String traceId) {
        String type = direction == Direction.OUT ? "TRANSFER_OUT" : "TRANSFER_IN";
        String digest = Posting.sha256(voucherNo() + '|' + accountId + '|' + contraAccountId + '|' + amountMinor + '|' + currency);
        EntryOrigin first = new EntryOrigin(voucherNo(), 1, false, null, type, accountingDate, traceId, digest);
        EntryOrigin second = new EntryOrigin(voucherNo(), 2, false, null, type, accountingDate, traceId, digest);
        contra.requireAcceptsSettlement(new Leg(contra.id(), Side.DEBIT, amountMinor, currency));
        if (direction == Direction.OUT) {
            Side lowers = account.kind().normalSide().opposite();
            JournalEntry out = account.settleFrozen(lowers, amountMinor, first);
            return List.of(out, contra.post(lowers.opposite(), amountMinor, second));
        }
        Side raises = account.kind().normalSide();
        JournalEntry in = account.settleInTransit(raises, amountMinor, first);
        return List.of(in, contra.post(raises.opposite(), amountMinor, second));
    }
}
