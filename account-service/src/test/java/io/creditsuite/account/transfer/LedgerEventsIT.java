package io.creditsuite.account.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.account.application.TransferHandler;
import io.creditsuite.account.domain.Transfer;
import io.creditsuite.account.ledger.LedgerItSupport;
import io.creditsuite.api.account.LoanRepayRequest;
import io.creditsuite.api.account.PostingOutcome;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's facts reach the outbox in their own transaction (a TCC phase two's, a loan repayment's batch; docs/events.md),
 * and the service's relay
 * (service-support's auto-configuration, topic CS_LEDGER_EVENTS created at start) sends them to the real broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LedgerEventsIT extends LedgerItSupport {
    private static final long DEADLINE_NANOS = 60_000_000_000L;

    @Autowired
    TransferHandler transfers;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void a_confirm_whose_transaction_rolls_back_leaves_no_event_and_the_confirm_that_commits_leaves_one_which_is_sent() {
        long bank = openAsset().accountId();
        long payer = openCustomer().accountId();
        long clearing = openCustomer().accountId();
        recharge(bank, payer, 500);
        Transfer out = transfer(Transfer.Direction.OUT, payer, clearing, 200);
        transfers.tryTransfer(out);
        String key = out.transferId() + "-OUT";

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            transfers.confirm(out.transferId(), Transfer.Direction.OUT, "trace-rb");
            status.setRollbackOnly(); // the fence's transaction failed after the confirm
        });
        assertThat(events(key)).isEmpty();
        assertThat(transfers.find(out.transferId(), Transfer.Direction.OUT).orElseThrow().phase())
                .isEqualTo(Transfer.Phase.TRIED);

        transfers.confirm(out.transferId(), Transfer.Direction.OUT, "trace-ok");
        transfers.confirm(out.transferId(), Transfer.Direction.OUT, "trace-again");

        List<Map<String, Object>> events = events(key);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("event_type", "LEDGER_TRANSFER_CONFIRMED").containsEntry("topic", "CS_LEDGER_EVENTS")
                    .containsEntry("ordering_key", String.valueOf(clearing)).containsEntry("trace_id", "trace-ok");
            assertThat((String) e.get("payload_json")).contains("\"amountMinor\":200")
                    .contains("\"voucherNo\":\"" + out.voucherNo() + "\"").contains("\"xid\":\"" + out.xid() + "\"");
        });
        awaitSent(key);
    }

    @Test
    void a_cancel_leaves_one_cancelled_event_and_a_repeated_cancel_none() {
        long bank = openAsset().accountId();
        long clearing = openCustomer().accountId();
        long payee = openCustomer().accountId();
        recharge(bank, clearing, 100);
        Transfer in = transfer(Transfer.Direction.IN, payee, clearing, 100);
        transfers.tryTransfer(in);

        transfers.cancel(in.transferId(), Transfer.Direction.IN);
        transfers.cancel(in.transferId(), Transfer.Direction.IN);

        assertThat(events(in.transferId() + "-IN")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("event_type", "LEDGER_TRANSFER_CANCELLED"));
    }

    @Test
    void a_loan_repayment_leaves_one_event_and_its_retry_none() {
        long clearing = openAsset().accountId();
        long loan = openAsset().accountId();
        long interestIncome = openCustomer().accountId();
        String voucher = voucher();
        LoanRepayRequest repay = new LoanRepayRequest(voucher, clearing, loan, interestIncome, 1_000, 35, "CNY");

        assertThat(ledger.repayLoan(repay).outcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(ledger.repayLoan(repay).outcome()).isEqualTo(PostingOutcome.POSTED);

        assertThat(events(voucher)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("event_type", "LEDGER_LOAN_REPAID")
                    .containsEntry("ordering_key", String.valueOf(loan));
            assertThat((String) e.get("payload_json")).contains("\"principalMinor\":1000")
                    .contains("\"interestMinor\":35");
        });
        awaitSent(voucher);
    }

    private List<Map<String, Object>> events(String businessKey) {
        return jdbc.queryForList("SELECT topic, event_type, ordering_key, trace_id, payload_json FROM outbox_event"
                + " WHERE business_key = ?", businessKey);
    }

    private void awaitSent(String businessKey) {
        long until = System.nanoTime() + DEADLINE_NANOS;
        while (jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE business_key = ? AND sent_at IS NOT NULL",
                Long.class, businessKey) == 0) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the relay did not send " + businessKey + " within 60 s");
            }
            try {
                Thread.sleep(50); // a poll with a deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Transfer transfer(Transfer.Direction direction, long account, long contra, long amount) {
        return new Transfer("t-" + UUID.randomUUID().toString().substring(0, 30), direction, account, contra, amount,
                "CNY", Transfer.Phase.TRIED, "xid-" + UUID.randomUUID());
    }
}
