package io.creditsuite.account.dayend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.creditsuite.account.application.AggregateHandler;
import io.creditsuite.account.application.DayEndQueries;
import io.creditsuite.account.application.DayEndSteps;
import io.creditsuite.account.domain.DayEndCutover;
import io.creditsuite.account.ledger.LedgerItSupport;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.CutoverRequest;
import io.creditsuite.api.account.CutoverResult;
import io.creditsuite.api.account.DayEndService;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.NearRealTimeBalanceView;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Day-end cutover (日切) on real MariaDB, in the ledger ITs' shared context: the date switches while
 * postings continue on every path (naive, summary posting, split sub-accounts),
 * end-of-day balances are exact, a rerun is a no-op, a cutover stopped midway resumes, and the
 * near-real-time balance (T-2 or T-1 end-of-day balance + flows since) equals the live balance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DayEndCutoverIT extends LedgerItSupport {

    @Autowired
    DayEndService dayEnd;
    @Autowired
    DayEndSteps steps;
    @Autowired
    DayEndQueries queries;
    @Autowired
    AggregateHandler aggregator;

    /** The accounts one posting mix touches; {@code rows} are the rows that hold money (sub-accounts, not their parent). */
    record Mix(AccountView clearing, AccountView payout, AccountView summary, AccountView plain,
               List<AccountView> normal, List<Long> rows, List<Long> chronological) {
    }

    private Mix openMix() {
        AccountView clearing = openAsset();
        AccountView payout = ledger.openAccount(new OpenAccountRequest("payout", AccountType.ASSET, "CNY", 1_000_000_000L,
                null, HotMode.SUBTRACT_FREQUENT, 2, 0));
        AccountView summary = open(AccountType.LIABILITY, HotMode.ADD_FREQUENT);
        // The third kind's credit side is a plain account, not a BUFFERED one: a buffered posting answers
        // ACCEPTED and is applied later by the MQ consumer through the same LedgerWriter, which reads the
        // date under the same shared lock; LedgerBufferedIT covers that path on the real broker.
        AccountView plain = open(AccountType.LIABILITY, HotMode.NORMAL);
        List<AccountView> normal = List.of(openCustomer(), openCustomer());
        List<Long> subs = jdbc.queryForList("SELECT id FROM account WHERE parent_id = ? ORDER BY id", Long.class,
                payout.accountId());
        assertThat(subs).hasSize(2);
        List<Long> chronological = new ArrayList<>(subs);
        chronological.add(clearing.accountId());
        chronological.add(plain.accountId());
        normal.forEach(a -> chronological.add(a.accountId()));
        List<Long> rows = new ArrayList<>(chronological);
        rows.add(summary.accountId());
        return new Mix(clearing, payout, summary, plain, normal, rows, chronological);
    }

    /** One posting of the mix: naive, summary-posted credit, split debit + plain credit. */
    private void postOne(Mix m, long amount) {
        int kind = ThreadLocalRandom.current().nextInt(3);
        TemplateRequest r = switch (kind) {
            case 0 -> new TemplateRequest(voucher(), m.clearing().accountId(),
                    m.normal().get(ThreadLocalRandom.current().nextInt(2)).accountId(), amount, "CNY");
            case 1 -> new TemplateRequest(voucher(), m.clearing().accountId(), m.summary().accountId(), amount, "CNY");
            default -> new TemplateRequest(voucher(), m.payout().accountId(), m.plain().accountId(), amount, "CNY");
        };
        assertThat(ledger.recharge(r).outcome()).isEqualTo(PostingOutcome.POSTED);
    }

    private LocalDate dateInForce() {
        return LocalDate.parse(dayEnd.accountingDate());
    }

    private long liveBalance(long accountId) {
        return jdbc.queryForObject("SELECT available_minor + frozen_minor FROM account WHERE id = ?", Long.class, accountId);
    }

    private long journalSumUpTo(long accountId, LocalDate date) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(balance_after_minor - balance_before_minor), 0) FROM journal_entry"
                + " WHERE account_id = ? AND accounting_date <= ?", Long.class, accountId, Date.valueOf(date));
    }

    private long endOfDay(long accountId, LocalDate date) {
        return dayEnd.endOfDayBalance(accountId, date.toString()).balanceMinor();
    }

    /** Every account up to the cutover's last account has exactly one end-of-day balance for the date. */
    private void assertSnapshotComplete(LocalDate date) {
        long last = jdbc.queryForObject("SELECT last_account_id FROM day_end_cutover WHERE closed_date = ?", Long.class,
                Date.valueOf(date));
        long accounts = jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE id <= ?", Long.class, last);
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM end_of_day_balance WHERE accounting_date = ?", Long.class,
                Date.valueOf(date));
        long distinct = jdbc.queryForObject("SELECT COUNT(DISTINCT account_id) FROM end_of_day_balance"
                + " WHERE accounting_date = ?", Long.class, Date.valueOf(date));
        assertThat(rows).as("one end-of-day balance per account").isEqualTo(accounts).isEqualTo(distinct);
        // a split account's row is its sub-accounts' sum (its own row takes no entries)
        long wrong = jdbc.queryForObject("SELECT COUNT(*) FROM end_of_day_balance b WHERE b.accounting_date = ? AND"
                + " b.balance_minor <> (SELECT COALESCE(SUM(j.balance_after_minor - j.balance_before_minor), 0)"
                + " FROM journal_entry j JOIN account ja ON ja.id = j.account_id"
                + " WHERE (j.account_id = b.account_id OR ja.parent_id = b.account_id) AND j.accounting_date <= ?)",
                Long.class, Date.valueOf(date), Date.valueOf(date));
        assertThat(wrong).as("end-of-day balances that differ from the journal dated up to that day").isZero();
    }

    @Test
    void the_date_switches_while_postings_continue_and_every_entry_carries_the_date_in_force_at_its_commit()
            throws Exception {
        Mix m = openMix();
        LocalDate t = dateInForce();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong posted = new AtomicLong();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            workers.add(pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        postOne(m, 1 + ThreadLocalRandom.current().nextInt(1_000));
                        posted.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                        return;
                    }
                }
            }));
        }
        // postings under way before the cutover starts (a count, not a time: the machine may be slow)
        await().atMost(Duration.ofSeconds(60)).until(() -> posted.get() >= 20 || !failures.isEmpty());
        long beforeCutover = posted.get();
        CutoverResult result = dayEnd.cutover(new CutoverRequest(t.toString()));
        // the summary account's details of T were folded by the cutover, before it took any balance
        long pendingOfT = jdbc.queryForObject("SELECT COUNT(*) FROM pending_credit WHERE accounting_date <= ?", Long.class,
                Date.valueOf(t));
        long atCutover = posted.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> posted.get() >= atCutover + 20 || !failures.isEmpty());
        stop.set(true);
        for (Future<?> w : workers) {
            w.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(failures).as("postings that failed during the cutover").isEmpty();
        assertThat(beforeCutover).isPositive();
        assertThat(posted.get()).as("postings went on after the cutover").isGreaterThan(atCutover);
        assertThat(result.closedDate()).isEqualTo(t.toString());
        assertThat(result.nextDate()).isEqualTo(t.plusDays(1).toString());
        assertThat(result.stage()).isEqualTo("COMPLETED");
        assertThat(dateInForce()).isEqualTo(t.plusDays(1));
        assertThat(pendingOfT).as("pending credits dated T after the cutover").isZero();

        aggregator.drainAll();
        String rows = m.rows().toString().replace('[', '(').replace(']', ')');
        Map<String, Object> dates = jdbc.queryForMap("SELECT MIN(accounting_date) lo, MAX(accounting_date) hi,"
                + " SUM(accounting_date = ?) on_t, SUM(accounting_date = ?) on_next FROM journal_entry WHERE account_id IN "
                + rows, Date.valueOf(t), Date.valueOf(t.plusDays(1)));
        assertThat(((Date) dates.get("lo")).toLocalDate()).isEqualTo(t);
        assertThat(((Date) dates.get("hi")).toLocalDate()).isEqualTo(t.plusDays(1));
        assertThat(((Number) dates.get("on_t")).longValue()).isPositive();
        assertThat(((Number) dates.get("on_next")).longValue()).isPositive();
        // on every row whose entries are chained as they commit, dates never go back along the chain:
        // no entry committed with T after one committed with T+1
        String chained = m.chronological().toString().replace('[', '(').replace(']', ')');
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry a JOIN journal_entry b ON b.account_id ="
                + " a.account_id AND b.version = a.version + 1 WHERE a.account_id IN " + chained
                + " AND b.accounting_date < a.accounting_date", Long.class)).isZero();
        // the end-of-day balance of T is the journal up to T as it stands now, after everything drained:
        // no entry dated T committed after T's balances were taken
        for (long row : m.rows()) {
            assertThat(endOfDay(row, t)).as("end-of-day balance of row " + row).isEqualTo(journalSumUpTo(row, t));
            long since = jdbc.queryForObject("SELECT COALESCE(SUM(balance_after_minor - balance_before_minor), 0)"
                    + " FROM journal_entry WHERE account_id = ? AND accounting_date > ?", Long.class, row, Date.valueOf(t));
            assertThat(endOfDay(row, t) + since).as("row " + row + ": end of T + flows since = live").isEqualTo(liveBalance(row));
        }
        assertSnapshotComplete(t);
    }

    @Test
    void near_real_time_balance_is_t_minus_two_or_t_minus_one_plus_flows_since_and_equals_the_live_balance_once_drained() {
        Mix m = openMix();
        LocalDate d0 = dateInForce();
        for (int day = 0; day < 2; day++) {
            for (int i = 0; i < 30; i++) {
                postOne(m, 10 + i);
            }
            dayEnd.cutover(new CutoverRequest(d0.plusDays(day).toString()));
        }
        for (int i = 0; i < 30; i++) {
            postOne(m, 100 + i);
        }
        LocalDate inForce = dateInForce();
        assertThat(inForce).isEqualTo(d0.plusDays(2));
        List<Long> accounts = List.of(m.clearing().accountId(), m.payout().accountId(), m.summary().accountId(),
                m.plain().accountId(), m.normal().get(0).accountId());

        for (long id : accounts) {
            AccountView live = ledger.account(id);
            var t2 = queries.nearRealTime(id, 2);
            var t1 = queries.nearRealTime(id, 1);
            assertThat(t2.balance().baseDate()).isEqualTo(d0);
            assertThat(t1.balance().baseDate()).isEqualTo(d0.plusDays(1));
            // before the aggregator drains, pending credits are part of it: balance + pending
            assertThat(t2.balance().balanceMinor()).as("T-2 of " + id).isEqualTo(live.balanceMinor() + live.pendingMinor());
            assertThat(t1.balance().balanceMinor()).as("T-1 of " + id).isEqualTo(live.balanceMinor() + live.pendingMinor());
        }
        aggregator.drainAll();
        for (long id : accounts) {
            AccountView live = ledger.account(id);
            assertThat(live.pendingMinor()).isZero();
            NearRealTimeBalanceView view = dayEnd.nearRealTimeBalance(id);
            assertThat(view.baseDate()).as("configured offset: 2 (T-2)").isEqualTo(d0.toString());
            assertThat(view.dateInForce()).isEqualTo(inForce.toString());
            assertThat(view.balanceMinor()).as("near-real-time of " + id).isEqualTo(live.balanceMinor());
            assertThat(view.baseBalanceMinor() + view.flowsMinor() + view.pendingMinor()).isEqualTo(view.balanceMinor());
            assertThat(queries.nearRealTime(id, 1).balance().balanceMinor()).isEqualTo(live.balanceMinor());
        }
    }

    @Test
    void a_rerun_of_a_closed_date_changes_nothing_and_returns_the_same_result() {
        openMix();
        LocalDate t = dateInForce();
        CutoverResult first = dayEnd.cutover(new CutoverRequest(t.toString()));
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM end_of_day_balance", Long.class);

        CutoverResult again = dayEnd.cutover(new CutoverRequest(t.toString()));

        assertThat(again).isEqualTo(first);
        assertThat(first.completedAt()).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM end_of_day_balance", Long.class)).isEqualTo(rows);
        assertThat(dateInForce()).isEqualTo(t.plusDays(1));
    }

    @Test
    void a_date_that_is_not_the_one_in_force_or_malformed_is_refused_with_its_code_and_writes_nothing() {
        AccountView a = openCustomer();
        LocalDate t = dateInForce();
        long cutovers = jdbc.queryForObject("SELECT COUNT(*) FROM day_end_cutover", Long.class);
        long balances = jdbc.queryForObject("SELECT COUNT(*) FROM end_of_day_balance", Long.class);

        assertThat(refusal(() -> dayEnd.cutover(new CutoverRequest(t.plusDays(1).toString()))))
                .isEqualTo(ErrorCode.CUTOVER_DATE_NOT_NEXT);
        assertThat(refusal(() -> dayEnd.cutover(new CutoverRequest(t.minusDays(400).toString()))))
                .isEqualTo(ErrorCode.CUTOVER_DATE_NOT_NEXT);
        assertThat(refusal(() -> dayEnd.cutover(new CutoverRequest("2026/11/22")))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(refusal(() -> dayEnd.cutover(new CutoverRequest(null)))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(refusal(() -> dayEnd.cutover(null))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(refusal(() -> dayEnd.endOfDayBalance(a.accountId(), t.toString())))
                .isEqualTo(ErrorCode.END_OF_DAY_BALANCE_NOT_FOUND);
        assertThat(refusal(() -> dayEnd.endOfDayBalance(Long.MAX_VALUE, t.toString()))).isEqualTo(ErrorCode.ACCOUNT_NOT_FOUND);
        assertThat(refusal(() -> dayEnd.nearRealTimeBalance(Long.MAX_VALUE))).isEqualTo(ErrorCode.ACCOUNT_NOT_FOUND);

        assertThat(dateInForce()).isEqualTo(t);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM day_end_cutover", Long.class)).isEqualTo(cutovers);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM end_of_day_balance", Long.class)).isEqualTo(balances);
    }

    @Test
    void a_cutover_stopped_midway_resumes_where_it_stopped_and_writes_each_balance_once() {
        Mix m = openMix();
        for (int i = 0; i < 20; i++) {
            postOne(m, 5 + i);
        }
        LocalDate t = dateInForce();

        // crash right after the switch: the date moved, the cutover is recorded as SWITCHED
        DayEndCutover switched = steps.switchDate(t);
        assertThat(switched.stage()).isEqualTo(DayEndCutover.Stage.SWITCHED);
        assertThat(dateInForce()).isEqualTo(t.plusDays(1));
        postOne(m, 7);
        // a stuck cutover (卡日切) must be finished before the next date can be closed
        assertThat(refusal(() -> dayEnd.cutover(new CutoverRequest(t.plusDays(1).toString()))))
                .isEqualTo(ErrorCode.CUTOVER_PREVIOUS_INCOMPLETE);

        // resume, then crash after two small batches: the cursor is persisted with its batch
        steps.foldPending(t, 100);
        steps.markFolded(t);
        steps.snapshotBatch(t, 3);
        DayEndCutover twoBatches = steps.snapshotBatch(t, 3);
        assertThat(twoBatches.stage()).isEqualTo(DayEndCutover.Stage.SNAPSHOTTING);
        assertThat(twoBatches.accountsSnapshotted()).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM end_of_day_balance WHERE accounting_date = ?", Long.class,
                Date.valueOf(t))).isEqualTo(6);

        // a failing step: a balance already sits where the next batches go (the database refuses a
        // second one), so the run stops midway with nothing of its failing batch written
        long lastOpened = m.normal().get(1).accountId();
        jdbc.update("INSERT INTO end_of_day_balance (account_id, accounting_date, currency, balance_minor, flow_minor,"
                + " entries) VALUES (?, ?, 'CNY', 0, 0, 0)", lastOpened, Date.valueOf(t));
        assertThat(refusal(() -> dayEnd.cutover(new CutoverRequest(t.toString()))))
                .isEqualTo(ErrorCode.CUTOVER_INTERRUPTED);
        DayEndCutover stopped = steps.find(t).orElseThrow();
        assertThat(stopped.stage()).isEqualTo(DayEndCutover.Stage.SNAPSHOTTING);
        assertThat(stopped.cursor()).isLessThan(lastOpened);
        jdbc.update("DELETE FROM end_of_day_balance WHERE account_id = ? AND accounting_date = ?", lastOpened,
                Date.valueOf(t));

        CutoverResult resumed = dayEnd.cutover(new CutoverRequest(t.toString()));

        assertThat(resumed.stage()).isEqualTo("COMPLETED");
        assertThat(resumed.accountsSnapshotted()).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM account WHERE id <= ?", Long.class, switched.lastAccountId()));
        assertSnapshotComplete(t);
        assertThat(dateInForce()).as("a resumed cutover does not switch again").isEqualTo(t.plusDays(1));
        assertThat(dayEnd.cutover(new CutoverRequest(t.toString()))).isEqualTo(resumed);
    }

    @Test
    void the_end_of_day_balance_of_a_split_account_is_the_sum_of_its_sub_accounts() {
        Mix m = openMix();
        long payout = m.payout().accountId();
        List<Long> subs = jdbc.queryForList("SELECT id FROM account WHERE parent_id = ? ORDER BY id", Long.class, payout);
        LocalDate t = dateInForce();
        for (int i = 0; i < 10; i++) {
            // DEBIT the split asset (lands on a sub-account), CREDIT a plain liability
            ledger.recharge(new TemplateRequest(voucher(), payout, m.plain().accountId(), 10 + i, "CNY"));
        }
        assertThat(ledger.account(payout).balanceMinor()).isEqualTo(145);

        dayEnd.cutover(new CutoverRequest(t.toString()));
        ledger.recharge(new TemplateRequest(voucher(), payout, m.plain().accountId(), 1_000, "CNY"));
        dayEnd.cutover(new CutoverRequest(t.plusDays(1).toString()));

        var first = dayEnd.endOfDayBalance(payout, t.toString());
        assertThat(first.balanceMinor()).as("balance of the split account at the end of T").isEqualTo(145);
        assertThat(first.flowMinor()).isEqualTo(145);
        assertThat(first.entries()).isEqualTo(10);
        var second = dayEnd.endOfDayBalance(payout, t.plusDays(1).toString());
        assertThat(second.balanceMinor()).isEqualTo(1_145);
        assertThat(second.flowMinor()).isEqualTo(1_000);
        assertThat(second.entries()).isEqualTo(1);
        long subsAtT = subs.stream().mapToLong(id -> endOfDay(id, t)).sum();
        assertThat(subsAtT).isEqualTo(145);
        // the near-real-time balance counts each sub-account once, also now that the split row's own balance is their sum
        aggregator.drainAll();
        assertThat(queries.nearRealTime(payout, 1).balance().balanceMinor()).isEqualTo(ledger.account(payout).balanceMinor());
        assertThat(queries.nearRealTime(payout, 2).balance().balanceMinor()).isEqualTo(ledger.account(payout).balanceMinor());
    }

    private static ErrorCode refusal(Runnable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call::run);
        assertThat(e).as("an ApiException").isNotNull();
        assertThat(e.getMessage()).isNotBlank();
        return e.errorCode();
    }
}
