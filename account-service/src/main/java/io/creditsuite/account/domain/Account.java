package io.creditsuite.account.domain;

import java.util.Objects;

/**
 * An account and its sub-balances (账户余额), as locked for one transaction.
 *
 * <p>Guarantees:
 * <pre>
 *   balance = available + frozen                     (what the journal's last balanceAfter states)
 *   available &gt;= -overdraft                         (overdraft = 0: never below zero)
 *   floor != null  =&gt;  an outflow leaves available &gt;= floor   (watermark floor 水位)
 *   frozen &gt;= 0,  inTransit &gt;= 0
 *   every change of available, frozen or inTransit is one journal entry e (EntryMovement), and
 *                          e.version = previous.version + 1,  e.subBalancesAfter = (available, frozen, inTransit) after it,
 *                          e.balanceAfter = e.balanceBefore + (e.movement.changesBalance ? signedEffect(e.side, e.amount) : 0),
 *                          e.hash = ChainFormat.CURRENT.hash(e),  e.previousHash = previous.hash
 *   balance + inTransit &lt;= Long.MAX_VALUE            (so settling a promised inflow can never overflow)
 * </pre>
 * All arithmetic is {@code Math.*Exact}: an overflow is a refusal, never a wrap. A split account
 * (SUBTRACT_FREQUENT, BOTH) holds no money itself: its balance is the sum of its sub-accounts'.
 */
public final class Account {
    private final long id;
    private final String ownerId;
    private final AccountKind kind;
    private final String currency;
    private final AccountState state;
    private final long overdraftMinor;
    private final Long floorMinor;
    private final PostingMode mode;
    private final Long parentId;
    private final int subAccounts;
    private final long collectBelowMinor;
    private long availableMinor;
    private long frozenMinor;
    private long inTransitMinor;
    private long version;
    private String lastHash;
    private boolean changed;
    /** The version as read; the write-back is conditional on it (a lost update fails loudly). */
    private final long loadedVersion;

    public Account(long id, String ownerId, AccountKind kind, String currency, AccountState state,
                   long overdraftMinor, Long floorMinor, PostingMode mode, Long parentId, int subAccounts,
                   long collectBelowMinor, long availableMinor, long frozenMinor, long inTransitMinor,
                   long version, String lastHash) {
        this.id = id;
        this.ownerId = ownerId;
        this.kind = Objects.requireNonNull(kind);
        this.currency = currency;
        this.state = state;
        this.overdraftMinor = overdraftMinor;
        this.floorMinor = floorMinor;
        this.mode = mode;
        this.parentId = parentId;
        this.subAccounts = subAccounts;
        this.collectBelowMinor = collectBelowMinor;
        this.availableMinor = availableMinor;
        this.frozenMinor = frozenMinor;
        this.inTransitMinor = inTransitMinor;
        this.version = version;
        this.lastHash = lastHash;
        this.loadedVersion = version;
    }

    /** A fresh account: no money, version 0, the chain's genesis hash. */
    public static Account open(long id, String ownerId, AccountKind kind, String currency, long overdraftMinor,
                               Long floorMinor, PostingMode mode, Long parentId, int subAccounts,
                               long collectBelowMinor) {
        return new Account(id, ownerId, kind, currency, AccountState.ACTIVE, overdraftMinor, floorMinor, mode,
                parentId, subAccounts, collectBelowMinor, 0, 0, 0, 0, ChainHash.GENESIS);
    }

    /** The state and currency rules every leg must pass before anything is computed. */
    public void requireAccepts(Leg leg) {
        if (state == AccountState.FROZEN) {
            throw new LedgerException(LedgerError.ACCOUNT_FROZEN, "account " + id + " is frozen");
        }
        requireAcceptsSettlement(leg);
    }

    /**
     * The rules without the FROZEN check: only for the contra leg of a TCC branch tried before both legs were
     * reserved ({@link Transfer.Reservation#ACCOUNT_ONLY}); since then a try reserves the contra leg too and its
     * confirm consults no rule ({@link TransferReservationPolicy}).
     */
    public void requireAcceptsSettlement(Leg leg) {
        if (state == AccountState.CLOSED) {
            throw new LedgerException(LedgerError.ACCOUNT_CLOSED, "account " + id + " is closed");
        }
        if (!currency.equals(leg.currency())) {
            throw new LedgerException(LedgerError.CURRENCY_MISMATCH, "account " + id + " keeps " + currency
                    + ", the leg is in " + leg.currency());
        }
    }

    /** +amount when the side raises this account's balance, -amount when it lowers it. */
    public long signedEffect(Side side, long amountMinor) {
        return side == kind.normalSide() ? amountMinor : Math.negateExact(amountMinor);
    }

    /** Whether {@code availableAfter} is allowed after an outflow. */
    public boolean allowsAvailable(long availableAfter) {
        return availableAfter >= Math.negateExact(overdraftMinor) && (floorMinor == null || availableAfter >= floorMinor);
    }

    /** The available balance after the leg, refusing an outflow the rules forbid. */
    long availableAfter(Side side, long amountMinor) {
        long effect = signedEffect(side, amountMinor);
        long after = exact(() -> Math.addExact(availableMinor, effect));
        if (effect < 0 && !allowsAvailable(after)) {
            throw new LedgerException(LedgerError.INSUFFICIENT_BALANCE, "account " + id + " has " + availableMinor
                    + " available; " + (-effect) + " out would leave " + after, id);
        }
        long balanceAfter = exact(() -> Math.addExact(after, frozenMinor));
        if (effect > 0) {
            // room for every promised inflow too: a TCC confirm settling one must not overflow
            exact(() -> Math.addExact(balanceAfter, inTransitMinor));
        }
        return after;
    }

    /** Writes one journal entry for a leg onto this account's chain. */
    JournalEntry post(Side side, long amountMinor, EntryOrigin origin) {
        long before = balanceMinor();
        availableMinor = availableAfter(side, amountMinor);
        return chain(EntryMovement.POSTING, side, amountMinor, before, origin);
    }

    /** Confirm of a TCC outflow: the frozen amount leaves the books. */
    public JournalEntry settleFrozen(Side side, long amountMinor, EntryOrigin origin) {
        if (signedEffect(side, amountMinor) >= 0 || frozenMinor < amountMinor) {
            throw new IllegalStateException("account " + id + " cannot settle " + amountMinor + " from frozen " + frozenMinor);
        }
        long before = balanceMinor();
        frozenMinor = Math.subtractExact(frozenMinor, amountMinor);
        return chain(EntryMovement.SETTLE_FROZEN, side, amountMinor, before, origin);
    }

    /** Confirm of a TCC inflow: the amount promised in transit arrives as available. */
    public JournalEntry settleInTransit(Side side, long amountMinor, EntryOrigin origin) {
        if (signedEffect(side, amountMinor) <= 0 || inTransitMinor < amountMinor) {
            throw new IllegalStateException("account " + id + " cannot settle " + amountMinor + " in transit " + inTransitMinor);
        }
        long before = balanceMinor();
        // the promise already counts in balance + inTransit <= Long.MAX_VALUE, so this sum fits
        long available = exact(() -> Math.addExact(availableMinor, amountMinor));
        inTransitMinor = Math.subtractExact(inTransitMinor, amountMinor);
        availableMinor = available;
        return chain(EntryMovement.SETTLE_IN_TRANSIT, side, amountMinor, before, origin);
    }

    /**
     * TCC try of an outflow: available -&gt; frozen (冻结); the balance does not change. Returns the chained record of
     * the move (a FREEZE entry, balanceAfter = balanceBefore).
     */
    public JournalEntry freeze(long amountMinor, EntryOrigin origin) {
        requireCanFreeze(amountMinor);
        long before = balanceMinor();
        availableMinor = availableMinor - amountMinor;
        frozenMinor = frozenMinor + amountMinor;
        return chain(EntryMovement.FREEZE, kind.normalSide().opposite(), amountMinor, before, origin);
    }

    /** Refuses, changing nothing, a {@link #freeze} the rules forbid (floor, overdraft, overflow). */
    public void requireCanFreeze(long amountMinor) {
        long after = exact(() -> Math.subtractExact(availableMinor, amountMinor));
        if (!allowsAvailable(after)) {
            throw new LedgerException(LedgerError.INSUFFICIENT_BALANCE, "account " + id + " has " + availableMinor
                    + " available; cannot freeze " + amountMinor, id);
        }
        exact(() -> Math.addExact(frozenMinor, amountMinor));
    }

    /** Refuses, changing nothing, a {@link #promiseInflow} that would break balance + inTransit &lt;= Long.MAX_VALUE. */
    public void requireCanPromise(long amountMinor) {
        long promised = exact(() -> Math.addExact(inTransitMinor, amountMinor));
        exact(() -> Math.addExact(balanceMinor(), promised));
    }

    /** TCC cancel of an outflow: frozen -&gt; available; returns the chained record (UNFREEZE). */
    public JournalEntry unfreeze(long amountMinor, EntryOrigin origin) {
        long before = balanceMinor();
        frozenMinor = Math.subtractExact(frozenMinor, amountMinor);
        availableMinor = Math.addExact(availableMinor, amountMinor);
        return chain(EntryMovement.UNFREEZE, kind.normalSide().opposite(), amountMinor, before, origin);
    }

    /** TCC try of an inflow: promised, not yet available; returns the chained record (PROMISE_INFLOW). */
    public JournalEntry promiseInflow(long amountMinor, EntryOrigin origin) {
        requireCanPromise(amountMinor);
        long before = balanceMinor();
        inTransitMinor = inTransitMinor + amountMinor;
        return chain(EntryMovement.PROMISE_INFLOW, kind.normalSide(), amountMinor, before, origin);
    }

    /** TCC cancel of an inflow; returns the chained record (WITHDRAW_PROMISE). */
    public JournalEntry withdrawPromise(long amountMinor, EntryOrigin origin) {
        long before = balanceMinor();
        inTransitMinor = Math.subtractExact(inTransitMinor, amountMinor);
        return chain(EntryMovement.WITHDRAW_PROMISE, kind.normalSide(), amountMinor, before, origin);
    }

    /** Appends the entry of a change already applied to the sub-balances: it states them after the change. */
    private JournalEntry chain(EntryMovement movement, Side side, long amountMinor, long before, EntryOrigin origin) {
        long after = balanceMinor();
        version = Math.addExact(version, 1);
        JournalEntry entry = new JournalEntry(null, id, version, origin.voucherNo(), origin.legNo(), origin.reversal(),
                origin.reversedEntryId(), origin.postingType(), movement, side, amountMinor, currency, before, after,
                subBalances(), origin.accountingDate(), origin.traceId(), origin.digest(), ChainFormat.CURRENT, lastHash,
                null);
        entry = entry.withHash(ChainFormat.CURRENT.hash(entry));
        lastHash = entry.hash();
        changed = true;
        return entry;
    }

    static long exact(java.util.function.LongSupplier arithmetic) {
        try {
            return arithmetic.getAsLong();
        } catch (ArithmeticException e) {
            throw new LedgerException(LedgerError.AMOUNT_OVERFLOW, "a balance would overflow a long");
        }
    }

    public long balanceMinor() {
        return Math.addExact(availableMinor, frozenMinor);
    }

    public SubBalances subBalances() {
        return new SubBalances(availableMinor, frozenMinor, inTransitMinor);
    }

    public long id() { return id; }
    public String ownerId() { return ownerId; }
    public AccountKind kind() { return kind; }
    public String currency() { return currency; }
    public AccountState state() { return state; }
    public long overdraftMinor() { return overdraftMinor; }
    public Long floorMinor() { return floorMinor; }
    public PostingMode mode() { return mode; }
    public Long parentId() { return parentId; }
    public int subAccounts() { return subAccounts; }
    public long collectBelowMinor() { return collectBelowMinor; }
    public long availableMinor() { return availableMinor; }
    public long frozenMinor() { return frozenMinor; }
    public long inTransitMinor() { return inTransitMinor; }
    public long version() { return version; }
    public long loadedVersion() { return loadedVersion; }
    public String lastHash() { return lastHash; }
    /** Whether this transaction changed the account (and it must be written back). */
    public boolean changed() { return changed; }
}
