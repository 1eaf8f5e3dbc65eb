package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.TransferBranchRequest;
import io.creditsuite.api.account.TransferDirection;
import io.creditsuite.api.account.TransferPhase;
import io.creditsuite.api.account.TransferView;
import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.ProductGrant;
import io.creditsuite.api.credit.RegisterCustomerRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.LendingPartnerService;
import io.creditsuite.api.lending.RegisterLendingPartnerRequest;
import io.creditsuite.credit.application.FreezeLimitHandler;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.application.lending.LoanBook;
import io.creditsuite.credit.domain.lending.Ledger;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.LoanState;
import io.creditsuite.credit.domain.lending.LoanTerms;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import io.creditsuite.credit.domain.lending.PartnerRequest;
import io.creditsuite.credit.infrastructure.lending.DubboLedger;
import io.creditsuite.credit.infrastructure.mq.LedgerPayoutConsumer;
import io.creditsuite.support.outbox.Outbox;
import io.creditsuite.support.outbox.OutboxMessage;
import io.creditsuite.support.outbox.OutboxRow;
import io.creditsuite.support.outbox.RocketMqOutboxSender;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.dubbo.config.ServiceConfig;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's LEDGER_TRANSFER_CONFIRMED completes a loan on the real broker and database: published as account-service
 * publishes it (an outbox row sent by service-support's relay, the same envelope), consumed by credit-loan-payout,
 * applied once; a redelivered copy, an unknown loan and a transfer of no loan change nothing; a report that comes
 * before credit's own confirm waits for it. The loans are set up through the module's own steps (LoanBook, the TCC
 * try and confirm of credit's hold) as the drawdown leaves them: DISBURSING, the hold in transit.
 */
class LedgerPayoutIT extends CreditLimitITSupport {
    private static final String TAG = "LEDGER_TRANSFER_CONFIRMED";
    private static final long FUNDING_ACCOUNT = 9001;
    private static final long LOAN_ACCOUNT = 424242;

    @Autowired
    LendingPartnerService lendingPartners;
    @Autowired
    PartnerCustomerRepository partnerCustomers;
    @Autowired
    LoanRepository loans;
    @Autowired
    LoanBook loanBook;
    @Autowired
    FreezeLimitHandler freeze;
    @Autowired
    HoldOperationHandler holds;
    @Autowired
    Outbox outbox;
    @Autowired
    DefaultMQProducer producer;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DubboLedger ledger;

    private Fixture fixture(long lineLimit) {
        String partnerId = id("p");
        lendingPartners.registerPartner(new RegisterLendingPartnerRequest(partnerId, "Bank " + partnerId, CNY,
                FUNDING_ACCOUNT, 9002));
        String customerId = id("CU");
        maintenance.registerCustomer(new RegisterCustomerRequest(id("r"), customerId, "Customer", CustomerSource.PLATFORM,
                null, null));
        partnerCustomers.insert(new PartnerCustomer(customerId, partnerId, id("ref"), "Customer", null, "h", LOAN_ACCOUNT,
                Instant.now()));
        GrantLineResult line = grant(customer(CustomerSource.BANK, null, null), customerId,
                LimitType.DOWNSTREAM_SELF_USE, lineLimit, null, true, List.of(new BusinessTypeGrant("LOAN", lineLimit,
                        List.of(new ProductGrant("P1", lineLimit)))));
        return new Fixture(partnerId, customerId, line);
    }

    private record Fixture(String partnerId, String customerId, GrantLineResult line) {
    }

    /** A loan as a committed drawdown leaves it: credit's TCC try froze, the loan DISBURSING (credit not confirmed). */
    private Loan committedLoan(Fixture f, long amount) {
        Loan pending = Loan.pending("LN" + id("").substring(1, 19).replace("-", ""), new PartnerRequest(f.partnerId(),
                id("d"), "h"), new LoanTerms(f.customerId(), f.line().lineId(), product(f.line()), amount, CNY, "payee"),
                Instant.now());
        assertThat(loans.insert(pending)).isTrue();
        String xid = "it-xid-" + pending.loanId();
        // credit's TCC try, in a transaction of its own as in the fence's
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> freeze.tryTcc(new FreezeRequest(
                pending.holdId(), f.line().lineId(), product(f.line()), 0, amount, CNY, null), xid));
        loanBook.attachXid(pending.loanId(), xid);
        assertThat(loanBook.commit(pending.loanId()).status()).isEqualTo(LoanState.DISBURSING);
        return loans.byId(pending.loanId()).orElseThrow();
    }

    /** Credit's phase two (what CreditLimitTccActionImpl.confirm runs, in the fence's transaction). */
    private void confirmCredit(Loan loan) {
        new TransactionTemplate(transactionManager).executeWithoutResult(
                s -> holds.confirmTry(loan.holdId(), loan.amountMinor()));
    }

    private static String payload(String transferId, String direction, long amount) {
        return "{\"transferId\":\"" + transferId + "\",\"direction\":\"" + direction + "\",\"accountId\":"
                + FUNDING_ACCOUNT + ",\"contraAccountId\":" + LOAN_ACCOUNT + ",\"amountMinor\":" + amount
                + ",\"currency\":\"CNY\",\"voucherNo\":\"#TCC-" + transferId + "-" + direction + "\","
                + "\"accountingDate\":\"2026-12-02\",\"xid\":\"it-xid\",\"occurredAt\":\"" + Instant.now() + "\","
                + "\"traceId\":null}";
    }

    /** What account-service's confirm appends: one outbox row, sent by the relay (service-support) as for the ledger. */
    private OutboxMessage publishThroughOutbox(String transferId, String direction, long amount) {
        OutboxMessage m = new OutboxMessage("CS_LEDGER_EVENTS", TAG, 1, transferId + "-" + direction,
                String.valueOf(LOAN_ACCOUNT), payload(transferId, direction, amount), null);
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> outbox.append(m));
        return m;
    }

    /** The same message again, as a relay that crashed after its send sends it (same tag and KEYS, a new msgId). */
    private void sendAgain(OutboxMessage m) throws Exception {
        OutboxRow row = new OutboxRow(0, m.topic(), m.eventType(), m.schemaVersion(), m.businessKey(), m.orderingKey(),
                m.payloadJson(), null, null, Instant.now(), 0, null);
        assertThat(producer.send(RocketMqOutboxSender.message(row)).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
    }

    private double reports(String outcome) {
        return meters.counter("creditsuite.lending.ledger_payout_reports", "outcome", outcome).count();
    }

    private long consumedRows(String transferId, String direction) {
        return count("mq_consumed WHERE consumer_group = '" + LedgerPayoutConsumer.GROUP + "' AND business_key = '"
                + TAG + ":" + transferId + "-" + direction + "'");
    }

    private long flowsOf(Loan loan) {
        return count("credit_flow WHERE hold_id = '" + loan.holdId() + "'");
    }

    private LoanState statusOf(Loan loan) {
        return loans.byId(loan.loanId()).orElseThrow().status();
    }

    private long millisToActive(Loan loan, long fromNanos) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> statusOf(loan) == LoanState.ACTIVE);
        return (System.nanoTime() - fromNanos) / 1_000_000;
    }

    @Test
    void a_ledger_payout_makes_the_loan_active_once_and_a_redelivered_copy_changes_nothing() throws Exception {
        Fixture f = fixture(1_000);
        Loan loan = committedLoan(f, 300);
        confirmCredit(loan);

        OutboxMessage event = publishThroughOutbox(loan.transferId(), "OUT", 300);
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(loan) == LoanState.ACTIVE);
        Loan active = loans.byId(loan.loanId()).orElseThrow();
        assertThat(active.principalOutstandingMinor()).isEqualTo(300);
        assertThat(node(f.line().lineId(), product(f.line())).inUseMinor()).isEqualTo(300);
        assertThat(node(f.line().lineId(), product(f.line())).inTransitMinor()).isZero();
        assertThat(consumedRows(loan.transferId(), "OUT")).isEqualTo(1);
        assertThat(count("outbox_event WHERE event_type = 'LOAN_DISBURSED' AND business_key = '" + loan.loanId() + "'"))
                .isEqualTo(1);

        double duplicates = reports("duplicate");
        long flows = flowsOf(loan);
        sendAgain(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> reports("duplicate") > duplicates);
        assertThat(flowsOf(loan)).isEqualTo(flows);
        assertThat(consumedRows(loan.transferId(), "OUT")).isEqualTo(1);
        assertThat(count("outbox_event WHERE event_type = 'LOAN_DISBURSED' AND business_key = '" + loan.loanId() + "'"))
                .isEqualTo(1);
        assertThat(loans.byId(loan.loanId()).orElseThrow()).isEqualTo(active);
        assertReplayReproducesEveryNode();
    }

    @Test
    void a_payout_reported_before_credit_s_own_confirm_is_retried_and_applied_once_the_confirm_commits() {
        Fixture f = fixture(1_000);
        Loan loan = committedLoan(f, 200);
        double notReady = reports("not_ready");

        publishThroughOutbox(loan.transferId(), "OUT", 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> reports("not_ready") > notReady);
        assertThat(statusOf(loan)).isEqualTo(LoanState.DISBURSING);
        assertThat(consumedRows(loan.transferId(), "OUT")).as("rolled back with the effect").isZero();

        confirmCredit(loan);
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(loan) == LoanState.ACTIVE);
        assertThat(consumedRows(loan.transferId(), "OUT")).isEqualTo(1);
        assertThat(node(f.line().lineId(), product(f.line())).inUseMinor()).isEqualTo(200);
    }

    @Test
    void reports_of_an_unknown_loan_or_of_no_loan_are_acknowledged_and_change_nothing() {
        Fixture f = fixture(1_000);
        Loan loan = committedLoan(f, 100);
        confirmCredit(loan);
        double unknown = reports("unknown_loan");
        double notLoans = reports("not_a_loan_payout");
        double retried = reports("not_ready") + reports("failed");
        long flows = flowsOf(loan);

        String unknownTransfer = Loan.transferIdOf("LN" + id("").substring(1, 19).replace("-", ""));
        publishThroughOutbox(unknownTransfer, "OUT", 100);
        publishThroughOutbox("T-" + id("x"), "OUT", 100);
        publishThroughOutbox(loan.transferId(), "IN", 100); // the loan's own transfer, the other direction

        await().atMost(Duration.ofSeconds(30)).until(() -> reports("unknown_loan") > unknown
                && reports("not_a_loan_payout") >= notLoans + 2);
        assertThat(reports("not_ready") + reports("failed")).as("acknowledged, never retried").isEqualTo(retried);
        assertThat(statusOf(loan)).isEqualTo(LoanState.DISBURSING);
        assertThat(flowsOf(loan)).isEqualTo(flows);
        assertThat(count("outbox_event WHERE event_type = 'LOAN_DISBURSED' AND business_key = '" + loan.loanId() + "'"))
                .isZero();
        assertThat(consumedRows(loan.transferId(), "IN")).isZero();
        assertThat(consumedRows(unknownTransfer, "OUT")).as("the group saw it; nothing else").isEqualTo(1);
    }

    /**
     * The figure of the README: from the drawdown's answer (the loan DISBURSING, credit confirmed) to ACTIVE, by the
     * event and by the sweeper alone. For the sweeper's path, account-service's transfer record is answered by a
     * stand-in provider of AccountTransferService exported over Dubbo for this test only (account-service is not part
     * of this module's ITs); the event path never asks it (it answers TRIED for those loans, so the sweeper cannot
     * complete them first).
     */
    @Test
    void the_event_completes_a_loan_within_about_a_second_where_the_sweeper_alone_takes_up_to_its_interval()
            throws Exception {
        Fixture f = fixture(100_000);
        Set<String> confirmedInLedger = ConcurrentHashMap.newKeySet();
        ServiceConfig<AccountTransferService> standIn = new ServiceConfig<>(dubboModule);
        standIn.setInterface(AccountTransferService.class);
        standIn.setRef(new TransferRecordStandIn(confirmedInLedger));
        standIn.export();
        try {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> ledger.payout("LOAN-none") == Ledger.PayoutState.NOT_FOUND);
            List<Long> byEvent = new ArrayList<>();
            List<Long> bySweeper = new ArrayList<>();
            List<Loan> sweptLoans = new ArrayList<>();
            double completedByEvent = reports("completed");
            for (int i = 0; i < 3; i++) {
                Loan viaEvent = committedLoan(f, 100);
                confirmCredit(viaEvent);
                long t0 = System.nanoTime();
                publishThroughOutbox(viaEvent.transferId(), "OUT", 100);
                byEvent.add(millisToActive(viaEvent, t0));

                Loan viaSweeper = committedLoan(f, 100);
                confirmCredit(viaSweeper);
                confirmedInLedger.add(viaSweeper.transferId());
                sweptLoans.add(viaSweeper);
                long t1 = System.nanoTime();
                bySweeper.add(millisToActive(viaSweeper, t1));
            }
            System.out.printf("LEDGER-PAYOUT drawdown answer -> ACTIVE: by event %s ms (max %d), by sweeper alone %s ms"
                            + " (max %d)%n", byEvent, byEvent.stream().mapToLong(Long::longValue).max().orElseThrow(),
                    bySweeper, bySweeper.stream().mapToLong(Long::longValue).max().orElseThrow());
            // figures, not limits (a loaded machine stretches both); what must hold is who completed which loan
            assertThat(reports("completed") - completedByEvent).as("the consumer completed the 3 reported loans")
                    .isEqualTo(3);
            assertThat(sweptLoans).allSatisfy(l -> assertThat(consumedRows(l.transferId(), "OUT")).isZero());
        } finally {
            standIn.unexport();
        }
    }

    /** account-service's transfer record, as far as the sweeper asks it; everything else is not there. */
    private record TransferRecordStandIn(Set<String> confirmed) implements AccountTransferService {
        @Override
        public TransferView transfer(String transferId, TransferDirection direction) {
            if (!transferId.startsWith("LOAN-LN")) {
                throw new ApiException(ErrorCode.NOT_FOUND, "no transfer " + transferId);
            }
            TransferPhase phase = confirmed.contains(transferId) ? TransferPhase.CONFIRMED : TransferPhase.TRIED;
            return new TransferView(transferId, FUNDING_ACCOUNT, LOAN_ACCOUNT, 100, CNY, direction, phase, "it-xid");
        }

        @Override
        public void transOut(TransferBranchRequest request) {
            throw new ApiException(ErrorCode.DOWNSTREAM_UNAVAILABLE, "a stand-in of the transfer record only");
        }

        @Override
        public void transIn(TransferBranchRequest request) {
            throw new ApiException(ErrorCode.DOWNSTREAM_UNAVAILABLE, "a stand-in of the transfer record only");
        }
    }
}
