package io.creditsuite.account.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.account.application.AggregateHandler;
import io.creditsuite.account.application.PostCommand;
import io.creditsuite.account.application.PostHandler;
import io.creditsuite.account.application.PostingReceipt;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.Side;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.middleware.Middleware;
import io.creditsuite.middleware.Ports;
import io.creditsuite.middleware.bench.CpuClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark (not part of verify): 64 concurrent clients posting to ONE hot account on the real
 * MariaDB (default durability, innodb_flush_log_at_trx_commit=1), naive row-lock posting first and
 * then each hot mode, in the same run. Each client has its own counterparty account. Clients call
 * the posting use case in-process (no Dubbo hop), so the figures are the ledger's, not the RPC's.
 *
 * <p>After each mode it drains the aggregator, then checks that the hot account's journal sums to
 * its balance (over its sub-accounts for a split account), that its chains are intact, that no
 * account without an overdraft allowance went negative, and that the balance equals what the
 * clients were told was posted (drift). Run:
 * {@code ./mvnw -o -B -ntp -pl account-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=LedgerHotAccountBenchmark -Dfailsafe.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.seconds=N} per mode, default 8).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"credit-suite.ledger.hot-detection=false", "logging.level.root=WARN",
                "logging.level.io.creditsuite=WARN"})
class LedgerHotAccountBenchmark {
    private static final int CLIENTS = 64;
    private static final long SECONDS = Long.getLong("bench.seconds", 8);
    /** Unmeasured seconds per mode first: the JIT compiles the paths (and the in-process broker's) meanwhile. */
    private static final long WARMUP_SECONDS = Long.getLong("bench.warmup-seconds", 4);

    @DynamicPropertySource
    static void middleware(DynamicPropertyRegistry registry) {
        Middleware.shared().springProperties("cs_account", EnumSet.of(Middleware.Component.DATABASE,
                        Middleware.Component.ZOOKEEPER, Middleware.Component.SEATA, Middleware.Component.ROCKETMQ))
                .forEach((key, value) -> registry.add(key, () -> value));
        int dubboPort = Ports.freePort(); // not 20882: a devstack or another build may hold it
        registry.add("dubbo.protocol.port", () -> String.valueOf(dubboPort));
    }

    @Autowired
    PostHandler post;
    @Autowired
    LedgerService ledger;
    @Autowired
    AggregateHandler aggregator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.creditsuite.account.application.GroupCommitWriters lanes;
    @Autowired
    javax.sql.DataSource dataSource;
    private CpuClock cpu;

    record Result(String mode, long postings, double tps, double p50, double p99, long drainMs, long drift,
                  boolean chainIntact, long negatives, double meanBatch) {
    }

    @Test
    void sixty_four_clients_on_one_hot_account() throws Exception {
        System.out.printf("ledger hot-account benchmark: %d clients, %d s per mode, MariaDB %s, flush_log_at_trx_commit=%s%n",
                CLIENTS, SECONDS, jdbc.queryForObject("SELECT VERSION()", String.class),
                jdbc.queryForObject("SELECT @@innodb_flush_log_at_trx_commit", String.class));
        cpu = new CpuClock(dataSource);
        warmUp();
        List<Result> results = new ArrayList<>();
        for (int round = WARMUP_SECONDS > 0 ? 0 : 1; round < 2; round++) {
            long seconds = round == 0 ? WARMUP_SECONDS : SECONDS;
            results.clear();
            results.add(run("NAIVE (NORMAL, row lock)", HotMode.NORMAL, true, seconds));
            results.add(run("ADD_FREQUENT (summary + group commit)", HotMode.ADD_FREQUENT, true, seconds));
            results.add(run("SUBTRACT_FREQUENT (8 sub-accounts + group commit)", HotMode.SUBTRACT_FREQUENT, false, seconds));
            results.add(run("BOTH (8 summary sub-accounts, credits and debits)", HotMode.BOTH, null, seconds));
            results.add(run("BUFFERED (RocketMQ; tps counts until applied)", HotMode.BUFFERED, true, seconds));
            if (round == 0) {
                System.out.println("---- warm-up done; the figures below are measured ----");
            }
        }

        Result naive = results.get(0);
        Result best = naive;
        long drift = 0;
        for (Result r : results) {
            drift += Math.abs(r.drift());
            System.out.printf(Locale.ROOT, "mode=%-52s postings=%8d tps=%9.0f p50_ms=%6.2f p99_ms=%7.2f ratio=%6.2f"
                            + " drain_ms=%6d drift=%d chain=%s negative_accounts=%d mean_batch=%.1f%n", r.mode(), r.postings(),
                    r.tps(), r.p50(), r.p99(), r.tps() / naive.tps(), r.drainMs(), r.drift(),
                    r.chainIntact() ? "intact" : "BROKEN", r.negatives(), r.meanBatch());
            if (r.tps() > best.tps()) {
                best = r;
            }
        }
        System.out.printf(Locale.ROOT, "BENCH ledger-hot-account tps=%.0f ratio=%.2f p99_ms=%.2f drift=%d%n",
                best.tps(), best.tps() / naive.tps(), best.p99(), drift);
        for (Result r : results) {
            assertThat(r.drift()).as(r.mode() + " drift").isZero();
            assertThat(r.chainIntact()).as(r.mode() + " chain").isTrue();
            assertThat(r.negatives()).as(r.mode() + " negative accounts").isZero();
        }
    }

    private void warmUp() throws Exception {
        // JIT and connection pool, not measured
        AccountView hot = open(AccountType.ASSET, HotMode.NORMAL, 0);
        List<Long> customers = customers(8, 0, 0);
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            long customer = customers.get(i);
            threads[i] = new Thread(() -> {
                for (int n = 0; n < 300; n++) {
                    post.post(new PostCommand(recharge(hot.accountId(), customer, 1), "warm"));
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * @param credits true: every posting raises the hot account (recharge); false: every posting
     *                lowers it (withdraw); null: alternating
     */
    private Result run(String name, HotMode mode, Boolean credits, long runSeconds) throws Exception {
        boolean split = mode == HotMode.SUBTRACT_FREQUENT || mode == HotMode.BOTH;
        AccountView hot = open(AccountType.ASSET, mode, split ? 8 : 0);
        long customerFunds = credits == Boolean.TRUE ? 0 : 1_000_000_000L;
        List<Long> customers = customers(CLIENTS, customerFunds, 0);
        long hotFunding = 0;
        if (credits != Boolean.TRUE) {
            AccountView bank = open(AccountType.LIABILITY, HotMode.NORMAL, 0);
            for (int i = 0; i < 64; i++) {
                // bank funding raises the hot asset: DEBIT hot, CREDIT the bank's liability
                post.post(new PostCommand(new Posting("fund-" + UUID.randomUUID(), "FUND", List.of(
                        new Leg(hot.accountId(), Side.DEBIT, 1_000_000_000L, "CNY"),
                        new Leg(bank.accountId(), Side.CREDIT, 1_000_000_000L, "CNY"))), "fund"));
                hotFunding += 1_000_000_000L;
            }
            aggregator.drainAll();
        }
        AtomicLong expectedHot = new AtomicLong(hotFunding);
        AtomicLong busyRefusals = new AtomicLong();
        long[][] latencies = new long[CLIENTS][];
        int[] counts = new int[CLIENTS];
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + runSeconds * 1_000_000_000L + 200_000_000L;
        Thread[] threads = new Thread[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            long customer = customers.get(c);
            threads[c] = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < deadline) {
                    boolean credit = credits == null ? (n % 2 == 0) : credits;
                    long amount = 1 + (n % 97);
                    Posting p = credit ? recharge(hot.accountId(), customer, amount) : withdraw(customer, hot.accountId(), amount);
                    long t0 = System.nanoTime();
                    PostingReceipt r;
                    try {
                        r = post.post(new PostCommand(p, "bench-" + client));
                    } catch (LedgerException busy) {
                        // e.g. the broker's flow control: not accepted, counted as not posted
                        busyRefusals.incrementAndGet();
                        continue;
                    }
                    long t1 = System.nanoTime();
                    if (r.outcome() == PostingReceipt.Outcome.POSTED || r.outcome() == PostingReceipt.Outcome.ACCEPTED) {
                        expectedHot.addAndGet(credit ? amount : -amount);
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = t1 - t0;
                }
                latencies[client] = lat;
                counts[client] = n;
            }, "bench-client-" + c);
            threads[c].start();
        }
        long[] lanesBefore = lanes.batchesAndPostings();
        java.util.Map<String, Long> statusBefore = serverStatus();
        CpuClock.Sample cpuBefore = cpu.sample();
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] lanesAfter = lanes.batchesAndPostings();
        long laneBatches = lanesAfter[0] - lanesBefore[0];
        double meanBatch = laneBatches == 0 ? 1 : (double) (lanesAfter[1] - lanesBefore[1]) / laneBatches;
        java.util.Map<String, Long> statusAfter = serverStatus();
        CpuClock.Sample cpuAfter = cpu.sample();
        long drainStart = System.nanoTime();
        aggregator.drainAll();
        if (mode == HotMode.BUFFERED) {
            // accepted postings are applied by the consumer; wait (at most 3 min) until they all are
            long until = System.nanoTime() + 180_000_000_000L;
            while (System.nanoTime() < until && jdbc.queryForObject(
                    "SELECT available_minor + frozen_minor FROM account WHERE id = ?", Long.class, hot.accountId())
                    != expectedHot.get()) {
                Thread.sleep(200);
            }
        }
        long drainMs = (System.nanoTime() - drainStart) / 1_000_000;

        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < CLIENTS; c++) {
            System.arraycopy(latencies[c], 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        double p50 = all[(int) (all.length * 0.50)] / 1e6;
        double p99 = all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6;

        List<Long> hotRows = split
                ? jdbc.queryForList("SELECT id FROM account WHERE parent_id = ?", Long.class, hot.accountId())
                : List.of(hot.accountId());
        long balance = 0;
        long journalSum = 0;
        boolean intact = true;
        for (long id : hotRows) {
            balance += jdbc.queryForObject("SELECT available_minor + frozen_minor FROM account WHERE id = ?", Long.class, id);
            journalSum += jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN (a.kind IN ('ASSET','EXPENSE')) = (j.side = 'DEBIT')"
                    + " THEN j.amount_minor ELSE -j.amount_minor END), 0) FROM journal_entry j JOIN account a ON a.id = j.account_id"
                    + " WHERE j.account_id = ?", Long.class, id);
            intact &= ledger.verifyChain(id).intact();
        }
        for (long id : customers.subList(0, 4)) {
            intact &= ledger.verifyChain(id).intact();
        }
        long negatives = jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE available_minor < 0 AND overdraft_minor = 0",
                Long.class);
        long drift = Math.abs(balance - journalSum) + Math.abs(balance - expectedHot.get());
        if (busyRefusals.get() > 0) {
            System.out.printf("%s: %d postings refused as busy (not accepted, not counted)%n", name, busyRefusals.get());
        }
        StringBuilder perPosting = new StringBuilder();
        for (String key : statusAfter.keySet()) {
            perPosting.append(String.format(Locale.ROOT, " %s=%.2f", key,
                    (statusAfter.get(key) - statusBefore.getOrDefault(key, 0L)) / (double) Math.max(1, total)));
        }
        System.out.printf(Locale.ROOT, "work per posting, %s: %s;%s%n", name, cpuAfter.perOperationSince(cpuBefore, total),
                perPosting);
        double tps = total / seconds;
        if (mode == HotMode.BUFFERED) {
            // the caller hears ACCEPTED at once; what counts is how fast postings reach the books, so the
            // rate includes the time the consumer needed to apply what was still queued at the end
            System.out.printf(Locale.ROOT, "%s: accepted %.0f postings/s; applied %.0f/s including the %d ms drain%n",
                    name, tps, total / (seconds + drainMs / 1000.0), drainMs);
            tps = total / (seconds + drainMs / 1000.0);
        }
        return new Result(name, total, tps, p50, p99, drainMs, drift, intact, negatives, meanBatch);
    }

    private java.util.Map<String, Long> serverStatus() {
        java.util.Map<String, Long> status = new java.util.TreeMap<>();
        jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions','Com_select','Com_insert','Com_update','Com_delete',"
                + "'Com_commit','Com_set_option','Com_rollback','Innodb_rows_inserted','Innodb_rows_updated','Innodb_rows_deleted',"
                + "'Innodb_rows_read','Handler_read_rnd_next','Innodb_data_fsyncs','Com_begin')", rs -> {
            status.put(rs.getString(1), rs.getLong(2));
        });
        return status;
    }

    private AccountView open(AccountType type, HotMode mode, int subs) {
        return ledger.openAccount(new OpenAccountRequest("bench", type, "CNY", 0, null, mode, subs, 0));
    }

    private List<Long> customers(int n, long funds, long overdraft) {
        AccountView funding = ledger.openAccount(new OpenAccountRequest("bench-bank", AccountType.ASSET, "CNY",
                Long.MAX_VALUE / 4, null, HotMode.NORMAL, 0, 0));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = ledger.openAccount(new OpenAccountRequest("bench-c" + i, AccountType.LIABILITY, "CNY", overdraft, null,
                    HotMode.NORMAL, 0, 0)).accountId();
            if (funds > 0) {
                ledger.recharge(new TemplateRequest("fund-" + UUID.randomUUID(), funding.accountId(), id, funds, "CNY"));
            }
            ids.add(id);
        }
        return ids;
    }

    /** 充值: DEBIT the clearing asset (+), CREDIT the customer (+). */
    private static Posting recharge(long hot, long customer, long amount) {
        return new Posting("b-" + UUID.randomUUID(), "RECHARGE", List.of(new Leg(hot, Side.DEBIT, amount, "CNY"),
                new Leg(customer, Side.CREDIT, amount, "CNY")));
    }

    /** 提现: DEBIT the customer (-), CREDIT the payout asset (-). */
    private static Posting withdraw(long customer, long hot, long amount) {
        return new Posting("b-" + UUID.randomUUID(), "WITHDRAW", List.of(new Leg(customer, Side.DEBIT, amount, "CNY"),
                new Leg(hot, Side.CREDIT, amount, "CNY")));
    }
}
