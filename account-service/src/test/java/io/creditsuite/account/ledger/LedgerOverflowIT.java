package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.TemplateRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Amounts near Long.MAX_VALUE where the effect is in SQL (issue 10, defect 4 for account-service). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LedgerOverflowIT extends LedgerItSupport {
    private static final long MAX = Long.MAX_VALUE;

    @Test
    void the_overdraft_check_does_not_overflow_for_an_account_with_a_long_max_allowance() {
        long a = open(AccountType.ASSET, MAX, HotMode.NORMAL);
        long b = open(AccountType.LIABILITY, MAX, HotMode.NORMAL);

        // CHECK (available + overdraft >= 0) computed 5 + Long.MAX_VALUE in BIGINT: the write failed
        assertThat(ledger.recharge(new TemplateRequest(voucher(), a, b, 5, "CNY")).outcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(ledger.withdraw(new TemplateRequest(voucher(), b, a, MAX, "CNY")).outcome()).isEqualTo(PostingOutcome.POSTED);

        assertThat(balance(a)).isEqualTo(5 - MAX);
        assertThat(balance(b)).isEqualTo(5 - MAX);
        // and the check still refuses what it must: below -overdraft
        assertThat(ledger.withdraw(new TemplateRequest(voucher(), b, a, 6, "CNY")).outcome())
                .isEqualTo(PostingOutcome.INSUFFICIENT_BALANCE);
        assertThat(ledger.verifyChain(a).intact()).isTrue();
        assertThat(ledger.verifyChain(b).intact()).isTrue();
    }

    @Test
    void a_buffered_outflow_whose_queued_sum_would_pass_long_min_is_refused_and_queues_nothing() {
        long buffered = open(AccountType.ASSET, MAX, HotMode.BUFFERED);
        long customer = open(AccountType.LIABILITY, MAX, HotMode.NORMAL);
        long rows = ledgerRows(buffered);

        assertThat(ledger.withdraw(new TemplateRequest(voucher(), customer, buffered, MAX, "CNY")).outcome())
                .isEqualTo(PostingOutcome.ACCEPTED);
        // available 0 - queued MAX - 5 is below Long.MIN_VALUE + 1: not an overflow error, an outflow the floor refuses
        String refused = voucher();
        assertThat(ledger.withdraw(new TemplateRequest(refused, customer, buffered, 5, "CNY")).outcome())
                .isEqualTo(PostingOutcome.INSUFFICIENT_BALANCE);

        await().atMost(Duration.ofSeconds(90)).until(() -> balance(buffered) == -MAX);
        assertThat(ledgerRows(buffered)).isEqualTo(rows + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE voucher_no = ?", Long.class, refused)).isZero();
    }

    private long open(AccountType type, long overdraft, HotMode mode) {
        AccountView v = ledger.openAccount(new OpenAccountRequest("big", type, "CNY", overdraft, null, mode, 0, 0));
        return v.accountId();
    }
}
