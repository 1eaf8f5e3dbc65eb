package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.creditsuite.account.application.BufferedPostingGate;
import io.creditsuite.account.application.ResolvedPosting;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.Side;
import io.creditsuite.api.account.AccountStatusRequest;
import io.creditsuite.api.account.AccountStatusService;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.PostingResult;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Buffered posting (缓冲记账) through the real RocketMQ broker: accepted at once, applied in order, floor kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LedgerBufferedIT extends LedgerItSupport {

    @Autowired
    BufferedPostingGate gate;
    @Autowired
    AccountStatusService status;

    @Test
    void buffered_postings_are_accepted_at_once_applied_in_order_and_outflows_keep_the_watermark_floor() {
        AccountView payout = ledger.openAccount(new OpenAccountRequest("payout-buffered", AccountType.ASSET, "CNY", 0,
                1_000L, HotMode.BUFFERED, 0, 0));
        AccountView bank = open(AccountType.LIABILITY, HotMode.NORMAL);
        AccountView customer = openCustomer();
        AccountView clearing = openAsset();
        recharge(clearing.accountId(), customer.accountId(), 1_000_000);
        long refusedBefore = gate.refusedOnApply();

        // funding: DEBIT payout (asset +), CREDIT bank (liability +); accepted, then applied by the consumer
        for (int i = 0; i < 5; i++) {
            PostingResult funding = ledger.recharge(new TemplateRequest(voucher(), payout.accountId(), bank.accountId(),
                    1_000, "CNY"));
            assertThat(funding.outcome()).isEqualTo(PostingOutcome.ACCEPTED);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> balance(payout.accountId()) == 5_000);

        // withdrawals: each accepted only while available - queued outflows stays >= the floor (1,000)
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            PostingResult r = ledger.withdraw(new TemplateRequest(voucher(), customer.accountId(), payout.accountId(),
                    500, "CNY"));
            if (r.outcome() == PostingOutcome.ACCEPTED) {
                accepted++;
            } else {
                assertThat(r.outcome()).isEqualTo(PostingOutcome.INSUFFICIENT_BALANCE);
                refused++;
            }
        }
        assertThat(accepted).isBetween(1, 8);
        assertThat(refused).isPositive();
        int acceptedOut = accepted;
        await().atMost(Duration.ofSeconds(60)).until(() -> balance(payout.accountId()) == 5_000 - 500L * acceptedOut);

        assertThat(balance(payout.accountId())).isGreaterThanOrEqualTo(1_000);
        assertThat(gate.refusedOnApply()).isEqualTo(refusedBefore);
        assertThat(ledger.verifyChain(payout.accountId()).intact()).isTrue();
        assertThat(balance(customer.accountId())).isEqualTo(1_000_000 - 500L * acceptedOut);
    }

    @Test
    void a_buffered_posting_refused_when_applied_keeps_its_refusal_as_the_answer_to_a_query_and_to_a_retry() {
        AccountView buffered = ledger.openAccount(new OpenAccountRequest("payout-refused", AccountType.ASSET, "CNY", 0,
                null, HotMode.BUFFERED, 0, 0));
        AccountView customer = openCustomer();
        status.freeze(new AccountStatusRequest("st-" + UUID.randomUUID(), customer.accountId(), "ops-alice", "kyc"));
        long refusedBefore = gate.refusedOnApply();
        TemplateRequest request = new TemplateRequest(voucher(), buffered.accountId(), customer.accountId(), 100, "CNY");

        // only the buffered leg is checked when a posting is accepted: the frozen customer refuses it when applied
        assertThat(ledger.recharge(request).outcome()).isEqualTo(PostingOutcome.ACCEPTED);
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM buffered_refusal WHERE voucher_no = ?", Long.class, request.voucherNo()) == 1);

        ApiException queried = catchThrowableOfType(ApiException.class, () -> ledger.entriesByVoucher(request.voucherNo()));
        assertThat(queried.errorCode()).isEqualTo(ErrorCode.ACCOUNT_FROZEN);
        assertThat(queried.getMessage()).contains("accepted but refused when applied");
        // the refusal is final: after the unfreeze a retry of the voucher gets it again and writes nothing
        status.unfreeze(new AccountStatusRequest("st-" + UUID.randomUUID(), customer.accountId(), "ops-bob", "kyc done"));
        long rows = ledgerRows();
        assertThat(catchThrowableOfType(ApiException.class, () -> ledger.recharge(request)).errorCode())
                .isEqualTo(ErrorCode.ACCOUNT_FROZEN);
        assertThat(catchThrowableOfType(ApiException.class, () -> ledger.recharge(new TemplateRequest(
                request.voucherNo(), buffered.accountId(), customer.accountId(), 101, "CNY"))).errorCode())
                .isEqualTo(ErrorCode.VOUCHER_REUSED);
        // a retry accepted before the refusal was kept (still in the queue then) is not applied either
        gate.applyAll(List.of(ResolvedPosting.of(new Posting(request.voucherNo(), "RECHARGE", List.of(
                new Leg(buffered.accountId(), Side.DEBIT, 100, "CNY"),
                new Leg(customer.accountId(), Side.CREDIT, 100, "CNY"))), "retry-digest", "trace-retry")));
        assertThat(ledgerRows()).isEqualTo(rows);
        assertThat(balance(customer.accountId())).isZero();
        assertThat(balance(buffered.accountId())).isZero();
        assertThat(gate.refusedOnApply()).isEqualTo(refusedBefore + 1);
    }

    @Test
    void a_buffered_posting_whose_other_leg_is_a_split_account_is_applied_on_a_sub_account() {
        // recharge: DEBIT a split payout (asset, may go negative) and CREDIT a buffered account; before
        // the fix the consumer met the split parent itself, failed on every redelivery and held its queue
        AccountView payout = ledger.openAccount(new OpenAccountRequest("payout-split", AccountType.ASSET, "CNY",
                1_000_000_000L, null, HotMode.SUBTRACT_FREQUENT, 2, 0));
        AccountView buffered = open(AccountType.LIABILITY, HotMode.BUFFERED);

        PostingResult r = ledger.recharge(new TemplateRequest(voucher(), payout.accountId(), buffered.accountId(), 700,
                "CNY"));

        assertThat(r.outcome()).isEqualTo(PostingOutcome.ACCEPTED);
        await().atMost(Duration.ofSeconds(90)).until(() -> balance(buffered.accountId()) == 700);
        assertThat(balance(payout.accountId())).as("the split account's balance, the sum of its sub-accounts'")
                .isEqualTo(700);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry j JOIN account a ON a.id = j.account_id"
                + " WHERE a.parent_id = ?", Long.class, payout.accountId())).as("entries on the sub-accounts").isEqualTo(1);
        assertThat(ledger.verifyChain(buffered.accountId()).intact()).isTrue();
    }
}
