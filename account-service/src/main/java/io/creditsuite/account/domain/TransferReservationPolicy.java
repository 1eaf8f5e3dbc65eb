package io.creditsuite.account.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Why phase two of a TCC transfer branch cannot fail for a business reason: its try reserves every leg
 * the confirm will post, on the branch's account AND on the contra (clearing) account, and the confirm
 * settles only those reservations.
 *
 * <p>For a branch b of amount a on account x with contra c, the confirm posts two legs:
 * <pre>
 *   s = OUT ? opposite(normalSide(x)) : normalSide(x)         (OUT lowers x's balance, IN raises it)
 *   legs(b) = { (x, s, a), (c, opposite(s), a) }
 * </pre>
 * Guarantees, for each leg (y, side, a) of legs(b):
 * <pre>
 *   try:     checked now, refused now: y exists, y is not split, y.state = ACTIVE, y.currency = b.currency
 *            effect(y, side) &lt; 0  =&gt;  y.available -= a, y.frozen += a      (y's floor / overdraft checked now)
 *            effect(y, side) &gt; 0  =&gt;  y.inTransit += a                      (y.balance + y.inTransit &lt;= Long.MAX_VALUE checked now)
 *   confirm: effect &lt; 0  =&gt;  y.frozen -= a     (balance falls by a; the frozen money is b's alone)
 *            effect &gt; 0  =&gt;  y.inTransit -= a, y.available += a   (cannot overflow: see the invariant below)
 *            no rule of state, balance, floor, currency or mode is consulted again
 *   cancel:  effect &lt; 0  =&gt;  y.frozen -= a, y.available += a;   effect &gt; 0  =&gt;  y.inTransit -= a
 * </pre>
 * What keeps phase two total between try and phase two:
 * <pre>
 *   y.frozen + y.inTransit &gt; 0  =&gt;  close(y) refused, CS-3122 ACCOUNT_NOT_EMPTY   ({@link AccountStatusPolicy})
 *   freeze(y) stops new tries, not settlements   (state is checked at try only)
 *   y.balance + y.inTransit &lt;= Long.MAX_VALUE always   (every inflow keeps it: {@link Account})
 *   a mode never becomes split after open, and settlement writes y's own row under its lock in any hot mode
 *   the day-end cutover only delays a confirm (calendar lock), the entries carry the date in force at commit
 * </pre>
 * With a clearing account as the contra, TransOut confirm moves a from x to the clearing account and TransIn
 * confirm moves it from the clearing account to the payee: the clearing account nets to 0 once both confirmed.
 * It must allow the reservation at try (an overdraft allowance for the TransIn side that may run first).
 */
public final class TransferReservationPolicy {
    private TransferReservationPolicy() {
    }

    /** The side of the branch's own leg. */
    static Side accountSide(Transfer t, Account account) {
        Side normal = account.kind().normalSide();
        return t.direction() == Transfer.Direction.OUT ? normal.opposite() : normal;
    }

    /**
     * Reserves both legs and returns their chained records (leg 1 on the account, leg 2 on the contra); a refusal
     * changes neither account.
     */
    public static List<JournalEntry> reserve(Transfer t, Account account, Account contra, LocalDate accountingDate) {
        Side own = accountSide(t, account);
        requireReservable(t, account, own);
        requireReservable(t, contra, own.opposite());
        // both legs checked before either moves: a refusal changes neither account
        requireCanReserve(account, own, t.amountMinor());
        requireCanReserve(contra, own.opposite(), t.amountMinor());
        return List.of(reserveLeg(account, own, t.amountMinor(), TransferRecords.ofTry(t, 1, accountingDate)),
                reserveLeg(contra, own.opposite(), t.amountMinor(), TransferRecords.ofTry(t, 2, accountingDate)));
    }

    /** Releases what the try reserved and returns the chained records of the releases. */
    public static List<JournalEntry> release(Transfer t, Account account, Account contra, LocalDate accountingDate) {
        Side own = accountSide(t, account);
        JournalEntry first = releaseLeg(account, own, t.amountMinor(), TransferRecords.ofCancel(t, 1, accountingDate));
        if (t.reservation() != Transfer.Reservation.BOTH_LEGS) {
            return List.of(first);
        }
        return List.of(first, releaseLeg(contra, own.opposite(), t.amountMinor(),
                TransferRecords.ofCancel(t, 2, accountingDate)));
    }

    public static List<JournalEntry> settle(Transfer t, Account account, Account contra, LocalDate accountingDate,
                                            String traceId) {
        String type = t.direction() == Transfer.Direction.OUT ? "TRANSFER_OUT" : "TRANSFER_IN";
        String digest = t.bodyDigest();
        EntryOrigin first = new EntryOrigin(t.voucherNo(), 1, false, null, type, accountingDate, traceId, digest);
        EntryOrigin second = new EntryOrigin(t.voucherNo(), 2, false, null, type, accountingDate, traceId, digest);
        Side own = accountSide(t, account);
        JournalEntry ownEntry = settleLeg(account, own, t.amountMinor(), first);
        if (t.reservation() == Transfer.Reservation.ACCOUNT_ONLY) {
            // a branch tried before both legs were reserved: its contra leg is posted under the rules, as then
            contra.requireAcceptsSettlement(new Leg(contra.id(), own.opposite(), t.amountMinor(), t.currency()));
            return List.of(ownEntry, contra.post(own.opposite(), t.amountMinor(), second));
        }
        return List.of(ownEntry, settleLeg(contra, own.opposite(), t.amountMinor(), second));
    }

    private static void requireReservable(Transfer t, Account y, Side side) {
        if (y.mode().split()) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "a TCC transfer names real accounts, not split account "
                    + y.id() + " (its money sits on sub-accounts)");
        }
        y.requireAccepts(new Leg(y.id(), side, t.amountMinor(), t.currency()));
    }

    private static void requireCanReserve(Account y, Side side, long amountMinor) {
        if (y.signedEffect(side, amountMinor) < 0) {
            y.requireCanFreeze(amountMinor);
        } else {
            y.requireCanPromise(amountMinor);
        }
    }

    private static JournalEntry reserveLeg(Account y, Side side, long amountMinor, EntryOrigin origin) {
        return y.signedEffect(side, amountMinor) < 0 ? y.freeze(amountMinor, origin) : y.promiseInflow(amountMinor, origin);
    }

    private static JournalEntry releaseLeg(Account y, Side side, long amountMinor, EntryOrigin origin) {
        return y.signedEffect(side, amountMinor) < 0 ? y.unfreeze(amountMinor, origin)
                : y.withdrawPromise(amountMinor, origin);
    }

    private static JournalEntry settleLeg(Account y, Side side, long amountMinor, EntryOrigin origin) {
        return y.signedEffect(side, amountMinor) < 0 ? y.settleFrozen(side, amountMinor, origin)
                : y.settleInTransit(side, amountMinor, origin);
    }
}
