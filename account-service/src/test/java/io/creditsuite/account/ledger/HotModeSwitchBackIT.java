package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.account.application.HotDetector;
import io.creditsuite.account.domain.PostingMode;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.JournalEntryView;
import io.creditsuite.api.account.PostingResult;
import io.creditsuite.api.account.TemplateRequest;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Automatic hot detection in both directions on real MariaDB: a NORMAL account that gets hot is
 * switched to ADD_FREQUENT; once its rate stays below the cool threshold for the configured
 * windows it goes back to NORMAL, its pending details folded first, nothing lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class HotModeSwitchBackIT extends LedgerItSupport {
    /** Hot at 5 postings/s; back after 2 windows in a row under 2 postings/s. */
    private static final HotDetector.Settings BOTH_WAYS = new HotDetector.Settings(true, 5, PostingMode.ADD_FREQUENT,
            true, 2, 2);
    /**
     * The windows are closed with the length the test says (HotDetector.evaluateWindowOf), not by the
     * clock: 40 postings in ONE_SECOND are 40/s however long a loaded machine took to post them, and no
     * test sleeps to let a window pass.
     */
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    /** one posting in 1.2 s: 0.8/s, under the cool threshold of 2/s */
    private static final Duration QUIET_WINDOW = Duration.ofMillis(1_200);
    private static final Duration HALF_A_SECOND = Duration.ofMillis(500);

    @Autowired
    HotDetector hotDetector;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void detectorOff() {
        hotDetector.configure(new HotDetector.Settings(false, 5, PostingMode.ADD_FREQUENT, false));
    }

    @Test
    void an_automatically_switched_account_goes_back_to_normal_when_quiet_with_its_pending_details_folded_first()
            throws Exception {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        long c = clearing.accountId();
        long u = customer.accountId();
        hotDetector.configure(BOTH_WAYS);
        hotDetector.evaluateWindowOf(ONE_SECOND); // a fresh window
        for (int i = 0; i < 40; i++) {
            recharge(c, u, 1);
        }
        assertThat(hotDetector.evaluateWindowOf(ONE_SECOND)).contains(c, u);
        assertThat(ledger.account(u).hotMode()).isEqualTo(HotMode.ADD_FREQUENT);

        // quiet: one credit in a window of over a second, a pending detail on each account
        PostingResult detail = ledger.recharge(new TemplateRequest(voucher(), c, u, 7, "CNY"));
        assertThat(detail.entries()).extracting(JournalEntryView::folded).containsOnly(false);
        hotDetector.evaluateWindowOf(QUIET_WINDOW);
        assertThat(ledger.account(u).hotMode()).as("one quiet window is not enough").isEqualTo(HotMode.ADD_FREQUENT);
        hotDetector.evaluateWindowOf(HALF_A_SECOND);

        for (long account : new long[] {c, u}) {
            AccountView view = ledger.account(account);
            assertThat(view.hotMode()).isEqualTo(HotMode.NORMAL);
            assertThat(view.pendingMinor()).as("pending details folded before the switch back").isZero();
            assertThat(view.balanceMinor()).isEqualTo(47);
            assertThat(ledger.verifyChain(account).intact()).isTrue();
            assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(balance_after_minor - balance_before_minor), 0)"
                    + " FROM journal_entry WHERE account_id = ?", Long.class, account)).isEqualTo(47);
            assertThat(switchesBack(account)).isEqualTo(1.0);
        }
        // NORMAL again: a credit is a chained entry at once, not a detail
        PostingResult direct = ledger.recharge(new TemplateRequest(voucher(), c, u, 3, "CNY"));
        assertThat(direct.entries()).extracting(JournalEntryView::folded).containsOnly(true);
        assertThat(balance(u)).isEqualTo(50);
    }

    @Test
    void a_busy_window_restarts_the_count_and_an_account_opened_in_a_hot_mode_is_never_switched_back()
            throws Exception {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        AccountView summary = open(AccountType.LIABILITY, HotMode.ADD_FREQUENT);
        long c = clearing.accountId();
        long u = customer.accountId();
        hotDetector.configure(BOTH_WAYS);
        hotDetector.evaluateWindowOf(ONE_SECOND); // a fresh window
        for (int i = 0; i < 40; i++) {
            recharge(c, u, 1);
        }
        hotDetector.evaluateWindowOf(ONE_SECOND);
        assertThat(ledger.account(u).hotMode()).isEqualTo(HotMode.ADD_FREQUENT);

        hotDetector.evaluateWindowOf(QUIET_WINDOW); // quiet 1
        for (int i = 0; i < 40; i++) {
            recharge(c, u, 1); // busy again: the count starts over
        }
        hotDetector.evaluateWindowOf(ONE_SECOND);
        hotDetector.evaluateWindowOf(QUIET_WINDOW); // quiet 1 again

        assertThat(ledger.account(u).hotMode()).isEqualTo(HotMode.ADD_FREQUENT);
        hotDetector.evaluateWindowOf(HALF_A_SECOND); // quiet 2
        assertThat(ledger.account(u).hotMode()).isEqualTo(HotMode.NORMAL);
        assertThat(ledger.account(summary.accountId()).hotMode()).as("opened as ADD_FREQUENT: never switched back")
                .isEqualTo(HotMode.ADD_FREQUENT);
        assertThat(ledger.account(u).balanceMinor() + ledger.account(u).pendingMinor()).isEqualTo(80);
    }

    private double switchesBack(long accountId) {
        Counter counter = meters.find("ledger.hot.mode").tag("account", String.valueOf(accountId)).tag("to", "NORMAL")
                .tag("applied", "true").counter();
        return counter == null ? 0 : counter.count();
    }
}
