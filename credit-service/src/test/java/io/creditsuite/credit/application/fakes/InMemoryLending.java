package io.creditsuite.credit.application.fakes;

import io.creditsuite.api.account.StatementPage;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.OnboardCustomerRequest;
import io.creditsuite.api.lending.RegisterLendingPartnerRequest;
import io.creditsuite.credit.application.LimitOperationRunner;
import io.creditsuite.credit.application.RegisterCustomerHandler;
import io.creditsuite.credit.application.lending.CompleteDisbursementHandler;
import io.creditsuite.credit.application.lending.DrawdownHandler;
import io.creditsuite.credit.application.lending.LendingIds;
import io.creditsuite.credit.application.lending.LoanBook;
import io.creditsuite.credit.application.lending.LoanQueries;
import io.creditsuite.credit.application.lending.OnboardCustomerHandler;
import io.creditsuite.credit.application.lending.PartnerCustomerBook;
import io.creditsuite.credit.application.lending.PartnerCustomerQueries;
import io.creditsuite.credit.application.lending.PartnerHoldsHandler;
import io.creditsuite.credit.application.lending.PartnerOwnership;
import io.creditsuite.credit.application.lending.RegisterLendingPartnerHandler;
import io.creditsuite.credit.application.lending.RepayLoanHandler;
import io.creditsuite.credit.application.lending.RepaymentBook;
import io.creditsuite.credit.application.lending.ResolvePendingLoansHandler;
import io.creditsuite.credit.application.lending.SettleRepaymentHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lending's use cases wired to in-memory fakes, as {@code LendingConfiguration} wires them to the adapters: the credit
 * side is {@link InMemoryCredit}, the ledger {@link FakeLedger}, the coordinator {@link FakeDrawdownTransaction}.
 */
public final class InMemoryLending {
    public static final Duration SETTLED_AFTER = Duration.ofSeconds(90);
    public static final long FUNDING = 900;
    public static final long INCOME = 901;

    public final InMemoryCredit credit = new InMemoryCredit();
    public final InMemoryLendingStores.Loans loans = new InMemoryLendingStores.Loans();
    public final InMemoryLendingStores.Repayments repayments = new InMemoryLendingStores.Repayments();
    public final InMemoryLendingStores.Partners partners = new InMemoryLendingStores.Partners();
    public final InMemoryLendingStores.Customers customers = new InMemoryLendingStores.Customers();
    public final FakeLedger ledger = new FakeLedger();
    public final RecordingLendingEvents events = new RecordingLendingEvents();
    public final FakeDrawdownTransaction transaction = new FakeDrawdownTransaction(credit, ledger);
    public final LendingIds ids = new LendingIds(credit.clock);

    private final LimitOperationRunner operations = new LimitOperationRunner(credit.directory, credit.changes,
            credit.changes, credit.clock);
    public final PartnerOwnership ownership = new PartnerOwnership(partners, customers, loans, operations);
    public final RegisterLendingPartnerHandler partnerRegistry = new RegisterLendingPartnerHandler(partners, credit.clock);
    public final OnboardCustomerHandler onboarding = new OnboardCustomerHandler(ownership, customers,
            new PartnerCustomerBook(customers, new RegisterCustomerHandler(credit.store, credit.directory)), ledger, ids,
            credit.clock);
    public final List<Long> statementsAsked = new ArrayList<>();
    public final PartnerCustomerQueries customerQueries = new PartnerCustomerQueries(ownership, credit.tree,
            (accountId, after, size) -> {
                statementsAsked.add(accountId);
                return new StatementPage(accountId, new ArrayList<>(), null);
            });
    public final LoanBook loanBook = new LoanBook(loans, partners, customers, credit.holds, events, credit.clock);
    public final CompleteDisbursementHandler completion = new CompleteDisbursementHandler(loans, credit.directory, ledger,
            loanBook, credit.clock);
    public final DrawdownHandler drawdowns = new DrawdownHandler(ownership, operations, loans, loanBook, transaction,
            completion, ids, credit.clock);
    public final ResolvePendingLoansHandler recovery = new ResolvePendingLoansHandler(loans, credit.directory, loanBook,
            credit.clock, SETTLED_AFTER);
    public final RepaymentBook repaymentBook = new RepaymentBook(loans, repayments, partners, customers, credit.holds,
            events, ids, credit.clock);
    public final SettleRepaymentHandler settlement = new SettleRepaymentHandler(repayments, loans, partners, customers,
            ledger, repaymentBook, credit.clock);
    public final RepayLoanHandler repaymentsHandler = new RepayLoanHandler(ownership, operations, repayments, loans,
            repaymentBook, settlement, credit.clock);
    public final LoanQueries loanQueries = new LoanQueries(ownership, repayments);
    public final PartnerHoldsHandler partnerHolds = new PartnerHoldsHandler(ownership, customers, operations,
            credit.freeze, credit.holds);

    public void registerPartner(String partnerId) {
        partnerRegistry.register(new RegisterLendingPartnerRequest(partnerId, "Partner " + partnerId, "CNY", FUNDING,
                INCOME));
    }

    public CustomerView onboard(String partnerId, String ref) {
        return onboarding.onboard(new OnboardCustomerRequest("on-" + ref, partnerId, ref, "Customer " + ref, null));
    }

    /** A line of {@code limitMinor} held by {@code customerId}: limit type, business type LOAN, product P1. */
    public GrantLineResult grantLine(String lineId, String customerId, long limitMinor, boolean revolving) {
        GrantLineRequest r = InMemoryCredit.grant("grant-" + lineId, lineId, customerId, LimitType.DOWNSTREAM_SELF_USE,
                limitMinor, null);
        return credit.grants.handle(new GrantLineRequest(r.requestId(), r.actor(), r.reason(), r.lineId(), r.grantorId(),
                r.holderId(), r.limitType(), r.currency(), r.subjectId(), r.termStartEpochMillis(),
                r.termEndEpochMillis(), revolving, r.rate(), r.fixedLimitMinor(), r.temporaryLimitMinor(),
                r.temporaryExpiresAtEpochMillis(), r.parentNodeId(), r.businessTypes()));
    }
}
