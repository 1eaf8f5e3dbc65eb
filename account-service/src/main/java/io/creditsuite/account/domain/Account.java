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
 *
 * <p>Shape: the aggregate holds state (sub-balances, chain position, {@link AccountState}) and the rules above; the
 * rules' parameters are its {@link AccountTerms}. {@link HotRouting} is configuration the account only carries for
 * the writer's routing: no rule here reads it.
 */
public final class Account {
    private final long id;
    private final AccountTerms terms;
    private final AccountState state;
    /** Carried for the writer's routing only; no rule of this class reads it. */
    private final HotRouting routing;
    private long availableMinor;
    private long frozenMinor;
    private long inTransitMinor;
    private long version;
    private String lastHash;
    private boolean changed;
    /** The version as read; the write-back is conditional on it (a lost update fails loudly). */
    private final long loadedVersion;

    /** An account as stored: its rules' terms, state, routing, sub-balances and where its journal chain stands. */
    public Account(long id, AccountTerms terms, AccountState state, HotRouting routing, SubBalances balances,
                   ChainPosition chain) {
        this.id = id;
        Objects.requireNonNull(terms.kind());
        this.terms = terms;
        this.state = state;
        this.routing = routing;
        this.availableMinor = balances.availableMinor();
        this.frozenMinor = balances.frozenMinor();
        this.inTransitMinor = balances.inTransitMinor();
        this.version = chain.version();
        this.lastHash = chain.lastHash();
        this.loadedVersion = chain.version();
    }

    /** A fresh account: no money, version 0, the chain's genesis hash. */
    public static Account open(long id, AccountTerms terms, HotRouting routing) {
        return new Account(id, terms, AccountState.ACTIVE, routing, SubBalances.ZERO, ChainPosition.GENESIS);
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
        if (!currency().equals(leg.currency())) {
            throw new LedgerException(LedgerError.CURRENCY_MISMATCH, "account " + id + " keeps " + currency()
                    + ", the leg is in " + leg.currency());
        }
    }

    /** +amount when the side raises this account's balance, -amount when it lowers it. */
    public long signedEffect(Side side, long amountMinor) {
        return side == kind().normalSide() ? amountMinor : Math.negateExact(amountMinor);
    }

    /** Whether {@code availableAfter} is allowed after an outflow. */
    public boolean allowsAvailable(long availableAfter) {
        return availableAfter >= WatermarkFloor.boundMinor(terms.floorMinor(), terms.overdraftMinor());
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
        return chain(EntryMovement.FREEZE, kind().normalSide().opposite(), amountMinor, before, origin);
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
        return chain(EntryMovement.UNFREEZE, kind().normalSide().opposite(), amountMinor, before, origin);
    }

    /** TCC try of an inflow: promised, not yet available; returns the chained record (PROMISE_INFLOW). */
    public JournalEntry promiseInflow(long amountMinor, EntryOrigin origin) {
        requireCanPromise(amountMinor);
        long before = balanceMinor();
        inTransitMinor = inTransitMinor + amountMinor;
        return chain(EntryMovement.PROMISE_INFLOW, kind().normalSide(), amountMinor, before, origin);
    }

    /** TCC cancel of an inflow; returns the chained record (WITHDRAW_PROMISE). */
    public JournalEntry withdrawPromise(long amountMinor, EntryOrigin origin) {
        long before = balanceMinor();
        inTransitMinor = Math.subtractExact(inTransitMinor, amountMinor);
        return chain(EntryMovement.WITHDRAW_PROMISE, kind().normalSide(), amountMinor, before, origin);
    }

    /** Appends the entry of a change already applied to the sub-balances: it states them after the change. */
    private JournalEntry chain(EntryMovement movement, Side side, long amountMinor, long before, EntryOrigin origin) {
        long after = balanceMinor();
        version = Math.addExact(version, 1);
        JournalEntry entry = new JournalEntry(null, id, version, origin.voucherNo(), origin.legNo(), origin.reversal(),
                origin.reversedEntryId(), origin.postingType(), movement, side, amountMinor, currency(), before, after,
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
    /** The parameters of this account's rules (owner, kind, currency, overdraft, floor). */
    public AccountTerms terms() { return terms; }
    public AccountKind kind() { return terms.kind(); }
    public String currency() { return terms.currency(); }
    public AccountState state() { return state; }
    /** How the writer routes this account's postings (configuration, not state). */
    public HotRouting routing() { return routing; }
    /** Shorthand for {@code routing().mode()}: the writer and its policies ask it on every leg. */
    public PostingMode mode() { return routing.mode(); }
    /** Shorthand for {@code routing().parentId()}: null unless this is a sub-account of a split account. */
    public Long parentId() { return routing.parentId(); }
    public long availableMinor() { return availableMinor; }
    public long frozenMinor() { return frozenMinor; }
    public long inTransitMinor() { return inTransitMinor; }
    public long version() { return version; }
    /** Where the journal chain stands now (after this transaction's entries). */
    public ChainPosition chainPosition() { return new ChainPosition(version, lastHash); }
    public long loadedVersion() { return loadedVersion; }
    public String lastHash() { return lastHash; }
    /** Whether this transaction changed the account (and it must be written back). */
    public boolean changed() { return changed; }
}
