package io.creditsuite.account.dayend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.account.application.DayEndSteps;
import io.creditsuite.account.domain.DayEndCutover;
import io.creditsuite.account.ledger.LedgerItSupport;
import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.CutoverRequest;
import io.creditsuite.api.account.CutoverResult;
import io.creditsuite.api.account.DayEndService;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.api.account.TransferBranchRequest;
import io.creditsuite.api.account.TransferDirection;
import io.creditsuite.api.account.TransferPhase;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * TCC confirms (TransOut / TransIn, real Seata TC) that commit while a day-end cutover (日切) runs
 * carry the accounting date in force when they commit, and the end-of-day balances stay exact.
 * The confirm's first ledger lock is the shared lock on the calendar; the cutover's switch takes it
 * exclusively, so it waits for a confirm in flight, and every confirm after the switch reads T+1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DayEndTccIT extends LedgerItSupport {

    @Autowired
    AccountTransferService transfers;
    @Autowired
    DayEndService dayEnd;
    @Autowired
    DayEndSteps steps;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void noTransactionLeftOnTheTestThread() {
        RootContext.unbind();
    }

    @Test
    void a_confirm_in_flight_when_the_cutover_starts_carries_t_and_one_after_the_switch_carries_t_plus_one()
            throws Exception {
        Accounts a = accounts(1_000);
        LocalDate t = dateInForce();
        String id = newId();
        GlobalTransaction tx = begin();
        transfers.transOut(new TransferBranchRequest(id, a.payer, a.clearing, 300, "CNY"));
        transfers.transIn(new TransferBranchRequest(id, a.payee, a.clearing, 300, "CNY"));
        RootContext.unbind();

        CompletableFuture<CutoverResult> cutover;
        try (Connection holder = dataSource.getConnection()) {
            // hold both branch rows: a confirm reads the date (shared calendar lock), then waits here
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT phase FROM tcc_transfer WHERE transfer_id = ? FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery().close();
            }
            CompletableFuture<GlobalStatus> commit = CompletableFuture.supplyAsync(() -> {
                try {
                    tx.commit();
                    return tx.getLocalStatus();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the first confirm (TransOut: the TC confirms branches in order) holds date T and waits for its row
            awaitRunning("%FROM tcc_transfer WHERE transfer_id = %FOR UPDATE%");
            cutover = CompletableFuture.supplyAsync(() -> dayEnd.cutover(new CutoverRequest(t.toString())));
            // the switch waits for the confirm in flight
            awaitRunning("SELECT date_in_force FROM accounting_calendar WHERE id = 1 FOR UPDATE%");
            assertThat(cutover).isNotDone();
            // a plain read: a locking one would queue behind the waiting switch, which waits for this test
            assertThat(jdbc.queryForObject("SELECT date_in_force FROM accounting_calendar WHERE id = 1", Date.class)
                    .toLocalDate()).isEqualTo(t);
            holder.rollback();
            // Committed; or CommitRetrying when the TC's call timed out while the confirm was held (its retry
            // finds the branch confirmed by the fence): the phases are checked below either way
            assertThat(commit.get(60, TimeUnit.SECONDS)).isIn(GlobalStatus.Committed, GlobalStatus.CommitRetrying);
        }
        awaitPhase(id, TransferDirection.OUT, TransferPhase.CONFIRMED);
        awaitPhase(id, TransferDirection.IN, TransferPhase.CONFIRMED);
        CutoverResult closed = cutover.get(60, TimeUnit.SECONDS);

        assertThat(closed.stage()).isEqualTo("COMPLETED");
        // TransOut committed before the switch: date T; TransIn read the calendar after it: T+1
        assertThat(datesOf("#TCC-" + id + "-OUT")).containsOnly(t);
        assertThat(datesOf("#TCC-" + id + "-IN")).containsOnly(t.plusDays(1));
        assertThat(endOfDay(a.payer, t)).isEqualTo(1_000 - 300);
        assertThat(endOfDay(a.clearing, t)).as("the contra took TransOut's other side on T").isEqualTo(300);
        assertThat(endOfDay(a.payee, t)).isZero();
        for (long account : List.of(a.payer, a.payee, a.clearing, a.funding)) {
            assertThat(endOfDay(account, t)).isEqualTo(journalSumUpTo(account, t));
        }
        assertThat(ledger.account(a.payee).balanceMinor()).isEqualTo(300);
        assertThat(ledger.account(a.clearing).balanceMinor()).isZero();
    }

    @Test
    void confirms_that_commit_after_the_switch_while_the_cutover_is_still_running_carry_t_plus_one() throws Exception {
        Accounts a = accounts(1_000);
        LocalDate t = dateInForce();
        String id = newId();
        GlobalTransaction tx = begin();
        transfers.transOut(new TransferBranchRequest(id, a.payer, a.clearing, 400, "CNY"));
        transfers.transIn(new TransferBranchRequest(id, a.payee, a.clearing, 400, "CNY"));

        // the cutover has switched and not snapshotted yet (stage SWITCHED) when both confirms commit
        assertThat(steps.switchDate(t).stage()).isEqualTo(DayEndCutover.Stage.SWITCHED);
        tx.commit();
        assertThat(tx.getLocalStatus()).isEqualTo(GlobalStatus.Committed);
        awaitPhase(id, TransferDirection.OUT, TransferPhase.CONFIRMED);
        awaitPhase(id, TransferDirection.IN, TransferPhase.CONFIRMED);
        CutoverResult closed = dayEnd.cutover(new CutoverRequest(t.toString()));

        assertThat(closed.stage()).isEqualTo("COMPLETED");
        assertThat(datesOf("#TCC-" + id + "-OUT")).containsOnly(t.plusDays(1));
        assertThat(datesOf("#TCC-" + id + "-IN")).containsOnly(t.plusDays(1));
        // the money was still held (frozen) at the end of T: the balance counts it, the journal of T has no transfer
        assertThat(endOfDay(a.payer, t)).isEqualTo(1_000);
        assertThat(endOfDay(a.payee, t)).isZero();
        assertThat(endOfDay(a.clearing, t)).isZero();
        for (long account : List.of(a.payer, a.payee, a.clearing, a.funding)) {
            assertThat(endOfDay(account, t)).isEqualTo(journalSumUpTo(account, t));
        }
        assertThat(ledger.account(a.payer).balanceMinor()).isEqualTo(600);
        assertThat(ledger.account(a.payee).balanceMinor()).isEqualTo(400);
    }

    private record Accounts(long funding, long payer, long payee, long clearing) {
    }

    private Accounts accounts(long funded) {
        AccountView funding = ledger.openAccount(new OpenAccountRequest("bank", AccountType.ASSET, "CNY",
                1_000_000_000L, null, HotMode.NORMAL, 0, 0));
        long payer = openCustomer().accountId();
        long payee = openCustomer().accountId();
        AccountView clearing = ledger.openAccount(new OpenAccountRequest("in-transit", AccountType.LIABILITY, "CNY",
                1_000_000_000L, null, HotMode.NORMAL, 0, 0));
        ledger.recharge(new TemplateRequest(voucher(), funding.accountId(), payer, funded, "CNY"));
        return new Accounts(funding.accountId(), payer, payee, clearing.accountId());
    }

    /** Waits until another session is inside a statement like {@code pattern} (blocked on a lock here). */
    private void awaitRunning(String pattern) {
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                            + " WHERE ID <> CONNECTION_ID() AND COMMAND = 'Query' AND INFO LIKE ?", Long.class, pattern) > 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no session ran " + pattern + "; sessions: " + jdbc.queryForList(
                    "SELECT ID, USER, COMMAND, TIME, STATE, INFO FROM information_schema.PROCESSLIST"), e);
        }
    }

    private List<LocalDate> datesOf(String voucher) {
        return jdbc.queryForList("SELECT accounting_date FROM journal_entry WHERE voucher_no = ?", Date.class, voucher)
                .stream().map(Date::toLocalDate).toList();
    }

    private long endOfDay(long accountId, LocalDate date) {
        return dayEnd.endOfDayBalance(accountId, date.toString()).balanceMinor();
    }

    private long journalSumUpTo(long accountId, LocalDate date) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(balance_after_minor - balance_before_minor), 0) FROM journal_entry"
                + " WHERE account_id = ? AND accounting_date <= ?", Long.class, accountId, Date.valueOf(date));
    }

    private LocalDate dateInForce() {
        return LocalDate.parse(dayEnd.accountingDate());
    }

    private void awaitPhase(String id, TransferDirection direction, TransferPhase phase) {
        await().atMost(Duration.ofSeconds(30)).until(() -> transfers.transfer(id, direction).phase() == phase);
    }

    private static GlobalTransaction begin() throws Exception {
        GlobalTransaction tx = GlobalTransactionContext.createNew();
        tx.begin(60_000, "day-end-tcc-it");
        return tx;
    }

    private static String newId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 30);
    }
}
