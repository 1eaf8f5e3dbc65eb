package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.account.application.AggregateHandler;
import io.creditsuite.account.application.HotDetector;
import io.creditsuite.account.domain.PostingMode;
import io.creditsuite.account.domain.SubAccountPolicy;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.PostingResult;
import io.creditsuite.api.account.TemplateRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Hot-account modes on real MariaDB: summary posting with its aggregator, sub-accounts with
 * fail-over and collection, automatic hot detection. The automatic aggregator is off in this
 * context (see {@link LedgerItSupport}); the tests fold when they choose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LedgerHotAccountIT extends LedgerItSupport {

    @Autowired
    AggregateHandler aggregator;
    @Autowired
    HotDetector hotDetector;
    @Autowired
    MeterRegistry meters;

    @Test
    void summary_posting_keeps_credits_as_details_until_the_aggregator_folds_them_into_an_intact_chain() throws Exception {
        AccountView clearing = ledger.openAccount(new OpenAccountRequest("channel", AccountType.ASSET, "CNY", 0, null,
                HotMode.ADD_FREQUENT, 0, 0));
        List<AccountView> customers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            customers.add(openCustomer());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Long>> sums = new ArrayList<>();
        for (AccountView customer : customers) {
            sums.add(pool.submit(() -> {
                long sum = 0;
                for (int i = 1; i <= 50; i++) {
                    PostingResult r = ledger.recharge(new TemplateRequest(voucher(), clearing.accountId(),
                            customer.accountId(), i, "CNY"));
                    assertThat(r.outcome()).isEqualTo(PostingOutcome.POSTED);
                    sum += i;
                }
                return sum;
            }));
        }
        long total = 0;
        for (Future<Long> f : sums) {
            total += f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        AccountView before = ledger.account(clearing.accountId());
        assertThat(before.balanceMinor() + before.pendingMinor()).as("balance + pending details").isEqualTo(total);
        assertThat(ledgerRows(clearing.accountId())).as("entries + pending details").isEqualTo(16 * 50);

        aggregator.drain(clearing.accountId());

        AccountView after = ledger.account(clearing.accountId());
        assertThat(after.balanceMinor()).isEqualTo(total);
        assertThat(after.pendingMinor()).isZero();
        assertThat(after.version()).isEqualTo(16 * 50);
        assertThat(ledger.verifyChain(clearing.accountId()).intact()).isTrue();
        for (AccountView c : customers) {
            assertThat(ledger.verifyChain(c.accountId()).intact()).isTrue();
        }
    }

    @Test
    void a_debit_that_finds_a_summary_posted_account_short_folds_its_details_first() {
        AccountView fees = ledger.openAccount(new OpenAccountRequest("fees", AccountType.INCOME, "CNY", 0, null,
                HotMode.ADD_FREQUENT, 0, 0));
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        recharge(clearing.accountId(), customer.accountId(), 1_000);
        ledger.collectServiceFee(new TemplateRequest(voucher(), customer.accountId(), fees.accountId(), 300, "CNY"));
        AccountView collected = ledger.account(fees.accountId());
        assertThat(collected.balanceMinor() + collected.pendingMinor()).isEqualTo(300);

        PostingResult pay = ledger.payServiceFee(new TemplateRequest(voucher(), fees.accountId(), customer.accountId(),
                250, "CNY"));
        PostingResult tooMuch = ledger.payServiceFee(new TemplateRequest(voucher(), fees.accountId(),
                customer.accountId(), 51, "CNY"));

        assertThat(pay.outcome()).isEqualTo(PostingOutcome.POSTED);
        assertThat(tooMuch.outcome()).isEqualTo(PostingOutcome.INSUFFICIENT_BALANCE);
        AccountView after = ledger.account(fees.accountId());
        assertThat(after.balanceMinor()).isEqualTo(50);
        assertThat(after.pendingMinor()).isZero();
        assertThat(ledger.verifyChain(fees.accountId()).intact()).isTrue();
    }

    @Test
    void a_split_account_fails_over_to_a_sibling_and_its_balance_is_the_exact_sum() throws Exception {
        AccountView payout = ledger.openAccount(new OpenAccountRequest("payout", AccountType.ASSET, "CNY", 0, null,
                HotMode.SUBTRACT_FREQUENT, 4, 0));
        AccountView clearing = openAsset();
        List<AccountView> customers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            customers.add(openCustomer());
        }
        // credits spread over the sub-accounts by voucher hash
        for (int i = 0; i < 40; i++) {
            ledger.recharge(new TemplateRequest(voucher(), payout.accountId(), customers.get(i % 8).accountId(), 100, "CNY"));
        }
        assertThat(ledger.account(payout.accountId()).balanceMinor()).isEqualTo(4_000);
        for (AccountView c : customers) {
            recharge(clearing.accountId(), c.accountId(), 10_000);
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> withdrawn = new ArrayList<>();
        for (AccountView c : customers) {
            withdrawn.add(pool.submit(() -> {
                long sum = 0;
                while (true) {
                    PostingResult r = ledger.withdraw(new TemplateRequest(voucher(), c.accountId(), payout.accountId(),
                            70, "CNY"));
                    if (r.outcome() != PostingOutcome.POSTED) {
                        return sum;
                    }
                    sum += 70;
                }
            }));
        }
        long out = 0;
        for (Future<Long> f : withdrawn) {
            out += f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        AccountView after = ledger.account(payout.accountId());
        assertThat(after.balanceMinor()).isEqualTo(4_000 - out);
        List<Long> subs = jdbc.queryForList("SELECT id FROM account WHERE parent_id = ?", Long.class, payout.accountId());
        assertThat(subs).hasSize(4);
        for (long sub : subs) {
            // fail-over: a withdrawal was refused only once no sub-account could pay 70
            assertThat(balance(sub)).isBetween(0L, 69L);
            assertThat(ledger.verifyChain(sub).intact()).isTrue();
        }
    }

    @Test
    void a_sub_account_under_its_threshold_is_topped_up_from_its_siblings_and_an_alert_is_counted() {
        AccountView payout = ledger.openAccount(new OpenAccountRequest("payout2", AccountType.ASSET, "CNY", 0, null,
                HotMode.SUBTRACT_FREQUENT, 2, 1_500));
        AccountView customer = openCustomer();
        AccountView clearing = openAsset();
        List<Long> subs = jdbc.queryForList("SELECT id FROM account WHERE parent_id = ? ORDER BY id", Long.class,
                payout.accountId());
        // vouchers chosen by the routing rule, so the run is the same every time: 2,000 on each sub-account in
        // one credit each (never under the threshold, so no collection yet), then every withdrawal on the first
        // one (a random spread can lower both together, leaving no sibling above the threshold to collect from)
        for (long sub : subs) {
            ledger.recharge(new TemplateRequest(voucherRoutedTo(sub, subs), payout.accountId(), customer.accountId(),
                    2_000, "CNY"));
        }
        recharge(clearing.accountId(), customer.accountId(), 100_000);
        assertThat(subs.stream().map(this::balance)).containsExactly(2_000L, 2_000L);
        double alertsBefore = alerts(payout.accountId());

        for (int i = 0; i < 15; i++) {
            ledger.withdraw(new TemplateRequest(voucherRoutedTo(subs.get(0), subs), customer.accountId(),
                    payout.accountId(), 100, "CNY"));
        }

        // the 6th withdrawal leaves the first sub-account at 1,400 < 1,500 while its sibling has 500 to spare
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry j"
                + " JOIN account a ON a.id = j.account_id WHERE a.parent_id = ? AND j.posting_type = 'COLLECT'",
                Long.class, payout.accountId()) > 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(payout.accountId()) > alertsBefore);
        assertThat(balance(subs.get(1))).as("the sibling keeps its threshold").isGreaterThanOrEqualTo(1_500);
        assertThat(ledger.account(payout.accountId()).balanceMinor()).isEqualTo(4_000 - 1_500);
    }

    /** A fresh voucher whose first choice among {@code subs} is {@code sub}. */
    private static String voucherRoutedTo(long sub, List<Long> subs) {
        while (true) {
            String voucher = voucher();
            if (SubAccountPolicy.order(voucher, subs).get(0) == sub) {
                return voucher;
            }
        }
    }

    @Test
    void a_normal_account_whose_rate_passes_the_threshold_is_switched_and_the_switch_is_counted() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        hotDetector.configure(new HotDetector.Settings(true, 5, PostingMode.ADD_FREQUENT, true));
        try {
            hotDetector.evaluate();
            for (int i = 0; i < 30; i++) {
                recharge(clearing.accountId(), customer.accountId(), 1);
            }
            List<Long> hot = hotDetector.evaluate();
            assertThat(hot).contains(clearing.accountId(), customer.accountId());
        } finally {
            hotDetector.configure(new HotDetector.Settings(false, 5, PostingMode.ADD_FREQUENT, false));
        }
        assertThat(ledger.account(clearing.accountId()).hotMode()).isEqualTo(HotMode.ADD_FREQUENT);
        assertThat(meters.find("ledger.hot.mode").tag("account", String.valueOf(clearing.accountId()))
                .tag("applied", "true").counter()).isNotNull();
        // and it keeps posting correctly in its new mode
        recharge(clearing.accountId(), customer.accountId(), 5);
        aggregator.drainAll();
        assertThat(balance(clearing.accountId())).isEqualTo(35);
        assertThat(ledger.verifyChain(clearing.accountId()).intact()).isTrue();
    }

    private double alerts(long parentId) {
        var counter = meters.find("ledger.subaccount.low").tag("account", String.valueOf(parentId)).counter();
        return counter == null ? 0 : counter.count();
    }
}
