package io.creditsuite.account.domain;

/**
 * Test builder of {@link Account}s "as read": {@code Accounts.liability(2).available(100).build()}. Defaults: owner
 * "o", CNY, ACTIVE, no overdraft, no floor, {@link HotRouting#NORMAL}, no money, {@link ChainPosition#GENESIS}.
 */
public final class Accounts {
    private long id;
    private String ownerId = "o";
    private AccountKind kind;
    private String currency = "CNY";
    private long overdraftMinor;
    private Long floorMinor;
    private AccountState state = AccountState.ACTIVE;
    private HotRouting routing = HotRouting.NORMAL;
    private SubBalances balances = SubBalances.ZERO;
    private ChainPosition chain = ChainPosition.GENESIS;

    private Accounts(long id, AccountKind kind) {
        this.id = id;
        this.kind = kind;
    }

    /** A LIABILITY account (a CREDIT raises it), e.g. a customer's deposit. */
    public static Accounts liability(long id) {
        return new Accounts(id, AccountKind.LIABILITY);
    }

    /** An ASSET account (a DEBIT raises it), e.g. the bank's cash. */
    public static Accounts asset(long id) {
        return new Accounts(id, AccountKind.ASSET);
    }

    /** Everything of {@code a} as it stands now; the copy's loaded version is {@code a}'s current version. */
    public static Accounts copyOf(Account a) {
        Accounts b = new Accounts(a.id(), a.kind());
        AccountTerms t = a.terms();
        b.ownerId = t.ownerId();
        b.currency = t.currency();
        b.overdraftMinor = t.overdraftMinor();
        b.floorMinor = t.floorMinor();
        b.state = a.state();
        b.routing = a.routing();
        b.balances = a.subBalances();
        b.chain = a.chainPosition();
        return b;
    }

    public Accounts owner(String ownerId) { this.ownerId = ownerId; return this; }
    public Accounts currency(String currency) { this.currency = currency; return this; }
    public Accounts overdraft(long overdraftMinor) { this.overdraftMinor = overdraftMinor; return this; }
    public Accounts floor(Long floorMinor) { this.floorMinor = floorMinor; return this; }
    public Accounts state(AccountState state) { this.state = state; return this; }
    public Accounts routing(HotRouting routing) { this.routing = routing; return this; }
    public Accounts mode(PostingMode mode) { this.routing = routing.withMode(mode); return this; }

    public Accounts available(long availableMinor) {
        balances = new SubBalances(availableMinor, balances.frozenMinor(), balances.inTransitMinor());
        return this;
    }

    public Accounts frozen(long frozenMinor) {
        balances = new SubBalances(balances.availableMinor(), frozenMinor, balances.inTransitMinor());
        return this;
    }

    public Accounts inTransit(long inTransitMinor) {
        balances = new SubBalances(balances.availableMinor(), balances.frozenMinor(), inTransitMinor);
        return this;
    }

    /** The chain position as stored: the version of the last entry and its hash. */
    public Accounts at(long version, String lastHash) { this.chain = new ChainPosition(version, lastHash); return this; }

    public Account build() {
        return new Account(id, new AccountTerms(ownerId, kind, currency, overdraftMinor, floorMinor), state, routing,
                balances, chain);
    }
}
