package io.creditsuite.account.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.BufferedOutflows;
import io.creditsuite.account.domain.BufferedRefusalRepository;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.Side;
import io.creditsuite.account.ledger.LedgerItSupport;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.TemplateRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The watermark floor of a BUFFERED account holds across instances of account-service: two gates
 * over the same database (the context's and a second one built from the same adapters, as a second
 * instance would be) count each other's queued outflows, so none of them accepts an outflow that
 * would be refused when applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BufferedFloorAcrossInstancesIT extends LedgerItSupport {

    @Autowired
    BufferedPostingGate gate;
    @Autowired
    AccountDirectory directory;
    @Autowired
    AccountRepository accounts;
    @Autowired
    BufferedPostingQueue queue;
    @Autowired
    BatchRunner runner;
    @Autowired
    BufferedRefusalRepository refusals;
    @Autowired
    BufferedOutflows outflows;

    @Test
    void an_outflow_queued_by_one_instance_counts_against_the_floor_in_another() {
        AccountView payout = ledger.openAccount(new OpenAccountRequest("payout-two-instances", AccountType.ASSET, "CNY",
                0, 1_000L, HotMode.BUFFERED, 0, 0));
        AccountView bank = open(AccountType.LIABILITY, HotMode.NORMAL);
        AccountView customer = openCustomer();
        recharge(openAsset().accountId(), customer.accountId(), 1_000_000);
        assertThat(ledger.recharge(new TemplateRequest(voucher(), payout.accountId(), bank.accountId(), 5_000, "CNY"))
                .outcome()).isEqualTo(PostingOutcome.ACCEPTED);
        await().atMost(Duration.ofSeconds(90)).until(() -> balance(payout.accountId()) == 5_000);
        long refusedBefore = gate.refusedOnApply();
        BufferedPostingGate otherInstance = secondInstance();

        // 5,000 available, floor 1,000: room for 4,000 of outflows in all
        PostingReceipt first = gate.accept(withdrawal(customer, payout, 3_000), payout.accountId());
        PostingReceipt second = otherInstance.accept(withdrawal(customer, payout, 3_000), payout.accountId());

        assertThat(first.outcome()).isEqualTo(PostingReceipt.Outcome.ACCEPTED);
        assertThat(second.outcome()).as("the other instance sees the 3,000 queued by the first")
                .isEqualTo(PostingReceipt.Outcome.INSUFFICIENT_BALANCE);
        await().atMost(Duration.ofSeconds(90)).until(() -> balance(payout.accountId()) == 2_000);
        assertThat(gate.refusedOnApply()).as("no accepted outflow refused when applied").isEqualTo(refusedBefore);

        // once applied, the reservation is gone everywhere: the other instance may use the remaining room
        PostingReceipt third = otherInstance.accept(withdrawal(customer, payout, 1_000), payout.accountId());
        assertThat(third.outcome()).isEqualTo(PostingReceipt.Outcome.ACCEPTED);
        await().atMost(Duration.ofSeconds(90)).until(() -> balance(payout.accountId()) == 1_000);
        assertThat(gate.refusedOnApply()).isEqualTo(refusedBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> outflows.queuedMinor(payout.accountId()) == 0);
    }

    @Test
    void a_retried_acceptance_reserves_once_and_a_send_the_queue_did_not_take_gives_the_reservation_back() {
        AccountView payout = ledger.openAccount(new OpenAccountRequest("payout-retry", AccountType.ASSET, "CNY",
                0, 0L, HotMode.BUFFERED, 0, 0));
        AccountView bank = open(AccountType.LIABILITY, HotMode.NORMAL);
        AccountView customer = openCustomer();
        recharge(openAsset().accountId(), customer.accountId(), 1_000_000);
        ledger.recharge(new TemplateRequest(voucher(), payout.accountId(), bank.accountId(), 1_000, "CNY"));
        await().atMost(Duration.ofSeconds(90)).until(() -> balance(payout.accountId()) == 1_000);
        ResolvedPosting command = withdrawal(customer, payout, 600);

        // the same voucher reserved twice (a retry racing its first attempt) counts once
        assertThat(outflows.reserve(payout.accountId(), command.posting().voucherNo(), 600,
                new io.creditsuite.account.domain.WatermarkFloor(0L, 0))).isEqualTo(BufferedOutflows.Reservation.RESERVED);
        assertThat(outflows.reserve(payout.accountId(), command.posting().voucherNo(), 600,
                new io.creditsuite.account.domain.WatermarkFloor(0L, 0)))
                .isEqualTo(BufferedOutflows.Reservation.ALREADY_RESERVED);
        assertThat(outflows.queuedMinor(payout.accountId())).isEqualTo(600);

        // a gate whose queue refuses the send: the caller hears LEDGER_BUSY and its reservation is given back
        BufferedPostingGate brokerDown = new BufferedPostingGate(directory, accounts, (c, key) -> {
            throw new io.creditsuite.account.domain.LedgerException(io.creditsuite.account.domain.LedgerError.LEDGER_BUSY,
                    "broker down");
        }, runner, refusals, outflows);
        ResolvedPosting other = withdrawal(customer, payout, 300);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> brokerDown.accept(other, payout.accountId()))
                .isInstanceOf(io.creditsuite.account.domain.LedgerException.class);
        assertThat(outflows.queuedMinor(payout.accountId())).as("only the first voucher's 600").isEqualTo(600);

        outflows.release(payout.accountId(), command.posting().voucherNo());
        outflows.release(payout.accountId(), command.posting().voucherNo());
        assertThat(outflows.queuedMinor(payout.accountId())).as("released once").isZero();
    }

    /** A second instance of the gate over the same database and queue, as another JVM would have. */
    private BufferedPostingGate secondInstance() {
        return new BufferedPostingGate(directory, accounts, queue, runner, refusals, outflows);
    }

    /** Withdraw: DEBIT customer (liability -), CREDIT payout (asset -). */
    private static ResolvedPosting withdrawal(AccountView customer, AccountView payout, long amount) {
        return ResolvedPosting.of(new Posting(voucher(), "WITHDRAW", List.of(
                new Leg(customer.accountId(), Side.DEBIT, amount, "CNY"),
                new Leg(payout.accountId(), Side.CREDIT, amount, "CNY"))), "digest-" + amount, "trace");
    }
}
