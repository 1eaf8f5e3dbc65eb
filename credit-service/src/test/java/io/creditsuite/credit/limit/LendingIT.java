package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.ProductGrant;
import io.creditsuite.api.credit.RegisterCustomerRequest;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.DrawdownOutcome;
import io.creditsuite.api.lending.DrawdownRefusal;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.api.lending.DrawdownResult;
import io.creditsuite.api.lending.LendingPartnerService;
import io.creditsuite.api.lending.LendingPartnerView;
import io.creditsuite.api.lending.LendingService;
import io.creditsuite.api.lending.PartnerCustomerService;
import io.creditsuite.api.lending.PartnerHoldCaptureRequest;
import io.creditsuite.api.lending.PartnerHoldReleaseRequest;
import io.creditsuite.api.lending.PartnerHoldRequest;
import io.creditsuite.api.lending.PartnerHoldService;
import io.creditsuite.api.lending.RegisterLendingPartnerRequest;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.credit.application.FreezeLimitHandler;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.application.lending.LoanBook;
import io.creditsuite.credit.application.lending.RepaymentBook;
import io.creditsuite.credit.domain.lending.LendingRejection;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.LoanState;
import io.creditsuite.credit.domain.lending.LoanTerms;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import io.creditsuite.credit.domain.lending.PartnerRequest;
import io.creditsuite.credit.domain.lending.Repayment;
import io.creditsuite.credit.domain.lending.RepaymentRepository;
import io.creditsuite.credit.domain.lending.RepaymentState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.dubbo.config.ReferenceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lending's Dubbo API on the real middleware, for what needs no account-service: partners, partner holds with
 * ownership, the limit tree, and drawdowns the real Seata TC rolls back (a refused credit try; account-service
 * absent). The cross-service drawdown and repayment are deploy/devstack's integration test.
 */
class LendingIT extends CreditLimitITSupport {
    @Autowired
    PartnerCustomerRepository partnerCustomers;
    @Autowired
    LoanRepository loans;
    @Autowired
    RepaymentRepository repayments;
    @Autowired
    LoanBook loanBook;
    @Autowired
    RepaymentBook repaymentBook;
    @Autowired
    FreezeLimitHandler freeze;
    @Autowired
    HoldOperationHandler holds;

    private final List<ReferenceConfig<?>> references = new ArrayList<>();

    @AfterEach
    void destroyReferences() {
        references.forEach(ReferenceConfig::destroy);
    }

    private <T> T remote(Class<T> api) {
        ReferenceConfig<T> reference = remoteReference(api);
        references.add(reference);
        return reference.get();
    }

    private LendingPartnerView register(LendingPartnerService partners, String partnerId) {
        RegisterLendingPartnerRequest request = new RegisterLendingPartnerRequest(partnerId, "Bank " + partnerId, CNY,
                9001, 9002);
        // the provider list arrives asynchronously after the reference is made; the registration is idempotent
        return await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> partners.registerPartner(request),
                v -> v != null);
    }

    /** A partner's customer without the ledger (its loan account id is a placeholder), holding a revolving line. */
    private String customerOf(String partnerId) {
        String customerId = id("CU");
        maintenance.registerCustomer(new RegisterCustomerRequest(id("r"), customerId, "Customer", CustomerSource.PLATFORM,
                null, null));
        partnerCustomers.insert(new PartnerCustomer(customerId, partnerId, id("ref"), "Customer", null, "h", 424242L,
                Instant.now()));
        return customerId;
    }

    private GrantLineResult lineOf(String customerId, long fixed) {
        return grant(customer(CustomerSource.BANK, null, null), customerId, LimitType.DOWNSTREAM_SELF_USE, fixed, null,
                true, List.of(new BusinessTypeGrant("LOAN", fixed, List.of(new ProductGrant("P1", fixed)))));
    }

    @Test
    void a_partner_registers_once_over_dubbo_and_other_settings_are_a_conflict() {
        LendingPartnerService partners = remote(LendingPartnerService.class);
        String partnerId = id("p");

        LendingPartnerView first = register(partners, partnerId);
        LendingPartnerView again = partners.registerPartner(new RegisterLendingPartnerRequest(partnerId,
                "Bank " + partnerId, CNY, 9001, 9002));

        assertThat(again).isEqualTo(first);
        assertThat(partners.partner(partnerId)).isEqualTo(first);
        assertThat(codeOf(() -> partners.registerPartner(new RegisterLendingPartnerRequest(partnerId, "Bank " + partnerId,
                CNY, 9003, 9002)))).isEqualTo(ErrorCode.LENDING_PARTNER_CONFLICT);
        assertThat(codeOf(() -> partners.partner(id("nobody")))).isEqualTo(ErrorCode.LENDING_PARTNER_UNKNOWN);
        assertThat(count("lending_partner WHERE partner_id = '" + partnerId + "'")).isEqualTo(1);
    }

    @Test
    void partner_holds_work_over_dubbo_and_another_partner_gets_404_and_writes_nothing() {
        LendingPartnerService partners = remote(LendingPartnerService.class);
        PartnerHoldService holds = remote(PartnerHoldService.class);
        PartnerCustomerService customers = remote(PartnerCustomerService.class);
        String p1 = register(partners, id("p")).partnerId();
        String p2 = register(partners, id("p")).partnerId();
        String alice = customerOf(p1);
        String carol = customerOf(p2);
        GrantLineResult line = lineOf(alice, 1_000);
        GrantLineResult carolLine = lineOf(carol, 1_000);
        long expiry = System.currentTimeMillis() + Duration.ofHours(1).toMillis();

        LimitOperationResult frozen = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(
                () -> holds.freeze(new PartnerHoldRequest("h-1", p1, alice, line.lineId(), product(line), 300, CNY,
                        expiry)), r -> r.outcome() == LimitOutcome.ACCEPTED);
        LimitOperationResult carols = holds.freeze(new PartnerHoldRequest("h-1", p2, carol, carolLine.lineId(),
                product(carolLine), 50, CNY, expiry));
        assertThat(frozen.holdId()).isEqualTo("h-1");
        assertThat(carols.outcome()).isEqualTo(LimitOutcome.ACCEPTED);

        List<?> before = writes();
        assertThat(codeOf(() -> holds.capture(new PartnerHoldCaptureRequest("c-x", p2, "h-2", 10, CNY))))
                .isEqualTo(ErrorCode.HOLD_UNKNOWN);
        assertThat(codeOf(() -> holds.release(new PartnerHoldReleaseRequest("u-x", p2, "h-404"))))
                .isEqualTo(ErrorCode.HOLD_UNKNOWN);
        assertThat(codeOf(() -> holds.freeze(new PartnerHoldRequest("h-9", p2, alice, line.lineId(), product(line), 1,
                CNY, expiry)))).isEqualTo(ErrorCode.CREDIT_CUSTOMER_UNKNOWN);
        assertThat(codeOf(() -> holds.freeze(new PartnerHoldRequest("h-9", p1, alice, carolLine.lineId(),
                product(carolLine), 1, CNY, expiry)))).isEqualTo(ErrorCode.CREDIT_LINE_UNKNOWN);
        assertThat(codeOf(() -> customers.limitTree(p2, alice))).isEqualTo(ErrorCode.CREDIT_CUSTOMER_UNKNOWN);
        assertThat(writes()).isEqualTo(before);

        LimitOperationResult captured = holds.capture(new PartnerHoldCaptureRequest("c-1", p1, "h-1", 100, CNY));
        assertThat(holds.capture(new PartnerHoldCaptureRequest("c-1", p1, "h-1", 100, CNY))).isEqualTo(captured);
        assertThat(holds.release(new PartnerHoldReleaseRequest("u-1", p1, "h-1")).outcome())
                .isEqualTo(LimitOutcome.ACCEPTED);

        assertThat(customers.limitTree(p1, alice)).hasSize(3).allSatisfy(n -> {
            assertThat(n.holderId()).isEqualTo(alice);
            assertThat(n.frozenMinor()).isZero();
            assertThat(n.inTransitMinor()).isEqualTo(100);
        });
        assertThat(node(carolLine.lineId(), product(carolLine)).frozenMinor()).as("p2's own h-1").isEqualTo(50);
        assertReplayReproducesEveryNode();
    }

    @Test
    void drawdowns_the_real_tc_rolls_back_are_refused_leave_nothing_frozen_and_answer_retries_alike() {
        LendingPartnerService partners = remote(LendingPartnerService.class);
        LendingService lending = remote(LendingService.class);
        String p1 = register(partners, id("p")).partnerId();
        String alice = customerOf(p1);
        GrantLineResult line = lineOf(alice, 1_000);

        // credit's try refused: the whole transaction rolls back
        DrawdownRequest tooMuch = new DrawdownRequest("d-1", p1, alice, line.lineId(), product(line), 1_001, CNY, "payee");
        DrawdownResult refused = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> lending.drawdown(tooMuch), r -> r != null);
        assertThat(refused.outcome()).isEqualTo(DrawdownOutcome.REFUSED);
        assertThat(refused.refusal()).isEqualTo(DrawdownRefusal.LIMIT_INSUFFICIENT);
        assertThat(refused.loan().xid()).isNotBlank();
        assertThat(lending.drawdown(tooMuch)).isEqualTo(refused);

        // credit's try froze, account-service is not there: rolled back, the hold released by the TC's cancel
        DrawdownResult unavailable = lending.drawdown(new DrawdownRequest("d-2", p1, alice, line.lineId(), product(line),
                300, CNY, "payee"));
        assertThat(unavailable.outcome()).isEqualTo(DrawdownOutcome.REFUSED);
        assertThat(unavailable.refusal()).isEqualTo(DrawdownRefusal.UNAVAILABLE);
        assertThat(unavailable.loan().status()).isEqualTo("REFUSED");
        String holdId = "loan:" + unavailable.loan().loanId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                count("credit_flow WHERE request_id = 'tcc-cancel:" + holdId + "'")).isEqualTo(1));
        assertThat(node(line.lineId(), product(line)).frozenMinor()).isZero();
        assertThat(node(line.lineId(), root(line)).availableMinor()).isEqualTo(1_000);

        assertThat(codeOf(() -> lending.drawdown(new DrawdownRequest("d-2", p1, alice, line.lineId(), product(line),
                301, CNY, "payee")))).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertThat(codeOf(() -> lending.loan(id("p"), unavailable.loan().loanId()))).isEqualTo(ErrorCode.LOAN_UNKNOWN);
        assertThat(lending.loan(p1, unavailable.loan().loanId())).isEqualTo(unavailable.loan());
        assertThat(count("lending_loan WHERE partner_id = '" + p1 + "'")).isEqualTo(2);
        assertReplayReproducesEveryNode();
    }

    /**
     * The local transactions of a loan's life on MariaDB, without the ledger: the hold a committed drawdown leaves
     * (in transit) is made by a freeze and a use, then the loan is activated (disbursement in the same transaction)
     * and repaid (the return in the same transaction), each exactly once.
     */
    @Test
    void a_loan_is_activated_and_repaid_in_one_local_transaction_each_and_a_second_run_changes_nothing() {
        LendingPartnerService partners = remote(LendingPartnerService.class);
        String p1 = register(partners, id("p")).partnerId();
        String alice = customerOf(p1);
        GrantLineResult line = lineOf(alice, 1_000);
        Loan pending = Loan.pending("LN" + id("").substring(1, 19).replace("-", ""), new PartnerRequest(p1, id("d"), "h"),
                new LoanTerms(alice, line.lineId(), product(line), 300, CNY, "payee"), Instant.now());
        assertThat(loans.insert(pending)).isTrue();
        assertThat(loans.insert(pending)).as("unique (partner, request id)").isFalse();
        freeze.handle(new FreezeRequest(pending.holdId(), line.lineId(), product(line), 0, 300, CNY, null));
        holds.use(new UseRequest(id("use"), pending.holdId(), 300, CNY));

        assertThat(loanBook.commit(pending.loanId()).status()).isEqualTo(LoanState.DISBURSING);
        assertThat(loanBook.activate(pending.loanId())).isPresent();
        long flows = count("credit_flow");
        assertThat(loanBook.activate(pending.loanId())).isEmpty();
        assertThat(count("credit_flow")).isEqualTo(flows);
        Loan active = loans.byId(pending.loanId()).orElseThrow();
        assertThat(active.status()).isEqualTo(LoanState.ACTIVE);
        assertThat(active.principalOutstandingMinor()).isEqualTo(300);
        assertThat(node(line.lineId(), product(line)).inUseMinor()).isEqualTo(300);

        Repayment opened = repaymentBook.open(pending.loanId(), new PartnerRequest(p1, "r-1", "h1"),
                new Repayment.RepaymentAmounts(100, 5, CNY), "payer");
        assertThat(repaymentBook.open(pending.loanId(), new PartnerRequest(p1, "r-1", "h1"),
                new Repayment.RepaymentAmounts(100, 5, CNY), "payer")).isEqualTo(opened);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(LendingRejection.class,
                () -> repaymentBook.open(pending.loanId(), new PartnerRequest(p1, "r-2", "h2"),
                        new Repayment.RepaymentAmounts(201, 0, CNY), "payer")).reason())
                .isEqualTo(LendingRejection.Reason.REPAYMENT_EXCEEDS_OUTSTANDING);
        assertThat(repayments.pending(Instant.now().plusSeconds(1), 1000)).extracting(Repayment::repaymentId)
                .contains(opened.repaymentId());

        assertThat(repaymentBook.complete(opened.repaymentId()).status()).isEqualTo(RepaymentState.DONE);
        flows = count("credit_flow");
        assertThat(repaymentBook.complete(opened.repaymentId()).status()).isEqualTo(RepaymentState.DONE);
        assertThat(count("credit_flow")).isEqualTo(flows);
        assertThat(loans.byId(pending.loanId()).orElseThrow().principalOutstandingMinor()).isEqualTo(200);
        assertThat(repayments.ofLoan(pending.loanId())).singleElement().satisfies(r -> {
            assertThat(r.voucherNo()).isEqualTo("LOAN-" + pending.loanId() + "-R-1");
            assertThat(r.settledAt()).isNotNull();
        });
        assertThat(node(line.lineId(), product(line)).inUseMinor()).isEqualTo(200);
        assertThat(node(line.lineId(), root(line)).availableMinor()).isEqualTo(800);
        assertReplayReproducesEveryNode();
    }

    /** An ACTIVE loan of {@code amount} on a fresh line (its hold in use), written through the local transactions. */
    private Loan activeLoan(String partnerId, GrantLineResult line, String customerId, long amount) {
        Loan pending = Loan.pending("LN" + id("").substring(1, 19).replace("-", ""), new PartnerRequest(partnerId,
                id("d"), "h"), new LoanTerms(customerId, line.lineId(), product(line), amount, CNY, "payee"),
                Instant.now());
        loans.insert(pending);
        freeze.handle(new FreezeRequest(pending.holdId(), line.lineId(), product(line), 0, amount, CNY, null));
        holds.use(new UseRequest(id("use"), pending.holdId(), amount, CNY));
        loanBook.commit(pending.loanId());
        return loanBook.activate(pending.loanId()).orElseThrow();
    }

    @Test
    void racing_repayments_never_claim_more_than_the_outstanding_and_racing_settlements_apply_each_once()
            throws Exception {
        LendingPartnerService partners = remote(LendingPartnerService.class);
        String p1 = register(partners, id("p")).partnerId();
        String alice = customerOf(p1);
        GrantLineResult line = lineOf(alice, 1_000);
        Loan loan = activeLoan(p1, line, alice, 300);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Repayment>> opened = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String requestId = "r-" + i;
                opened.add(pool.submit(() -> repaymentBook.open(loan.loanId(), new PartnerRequest(p1, requestId,
                        "h" + requestId), new Repayment.RepaymentAmounts(100, 0, CNY), "payer")));
            }
            List<Repayment> accepted = new ArrayList<>();
            int refused = 0;
            for (java.util.concurrent.Future<Repayment> f : opened) {
                try {
                    accepted.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(LendingRejection.class);
                    refused++;
                }
            }
            assertThat(accepted).hasSize(3);
            assertThat(refused).isEqualTo(5);

            List<java.util.concurrent.Future<Repayment>> settled = new ArrayList<>();
            for (Repayment r : accepted) {
                for (int twice = 0; twice < 2; twice++) {
                    settled.add(pool.submit(() -> repaymentBook.complete(r.repaymentId())));
                }
            }
            for (java.util.concurrent.Future<Repayment> f : settled) {
                assertThat(f.get().status()).isEqualTo(RepaymentState.DONE);
            }
        } finally {
            pool.shutdownNow();
        }
        Loan repaid = loans.byId(loan.loanId()).orElseThrow();
        assertThat(repaid.status()).isEqualTo(LoanState.REPAID);
        assertThat(repaid.repaidPrincipalMinor()).isEqualTo(300);
        assertThat(count("credit_flow WHERE request_id LIKE 'repay:%' AND hold_id = '" + loan.holdId() + "'"))
                .isEqualTo(3);
        assertThat(node(line.lineId(), product(line)).inUseMinor()).isZero();
        assertThat(node(line.lineId(), root(line)).availableMinor()).isEqualTo(1_000);
        assertReplayReproducesEveryNode();
    }
}
