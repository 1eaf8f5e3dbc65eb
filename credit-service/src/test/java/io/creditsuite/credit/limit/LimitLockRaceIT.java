package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.LineAction;
import io.creditsuite.api.credit.LineActionRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import io.creditsuite.credit.application.LimitOperationRunner;
import io.creditsuite.credit.application.Requests;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.LimitOperation;
import io.creditsuite.credit.domain.LimitPath;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.LimitChange;
import io.creditsuite.credit.domain.LimitChangeResult;
import io.creditsuite.credit.infrastructure.persistence.LimitChangeWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two checks that decide on a row other than the nodes a change locks, raced: the room left under a
 * grant-controlled line's parent (decided under the parent node's row lock) and the line's status (read by
 * the change batch under a shared lock that a line freeze must wait for). Both are checked through the database.
 */
class LimitLockRaceIT extends CreditLimitITSupport {
    private static final int GRANT_THREADS = 24;
    private static final long PARENT_LIMIT = 1_000;
    private static final long CHILD_LIMIT = 100;

    @Test
    void concurrent_grants_under_one_parent_never_grant_more_than_its_limit() throws Exception {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        GrantLineResult parentLine = grant(customer(CustomerSource.BANK, null, null), upstream,
                LimitType.DOWNSTREAM_SELF_USE, PARENT_LIMIT, null, true, List.of());
        long parent = root(parentLine);
        List<String> holders = new ArrayList<>();
        for (int i = 0; i < GRANT_THREADS; i++) {
            holders.add(customer(CustomerSource.DEALER, null, null));
        }
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(GRANT_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String holder : holders) {
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        grant(upstream, holder, LimitType.DOWNSTREAM_SELF_USE, CHILD_LIMIT, parent, true, List.of());
                        granted.incrementAndGet();
                    } catch (ApiException e) {
                        count(e, ErrorCode.GRANT_EXCEEDS_PARENT, refused, unexpected);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(unexpected).isEmpty();
        Long grantedSum = jdbc.queryForObject("SELECT COALESCE(SUM(n.fixed_minor), 0) FROM limit_edge e JOIN limit_node n"
                + " ON n.node_id = e.child_node_id WHERE e.parent_node_id = ? AND e.kind = 'GRANT'", Long.class, parent);
        Long children = jdbc.queryForObject("SELECT COUNT(*) FROM limit_edge WHERE parent_node_id = ? AND kind = 'GRANT'",
                Long.class, parent);
        assertThat(grantedSum).as("granted under the parent, in the database").isLessThanOrEqualTo(PARENT_LIMIT);
        // serialised on the parent, exactly as many fit as there is room for, and the rest were refused
        assertThat(granted.get()).isEqualTo((int) (PARENT_LIMIT / CHILD_LIMIT));
        assertThat(children).isEqualTo(granted.get());
        assertThat(refused.get()).isEqualTo(GRANT_THREADS - granted.get());
        assertReplayReproducesEveryNode();
    }

    /**
     * 18 threads hold, use and repay on a line as fast as they can while it is frozen as a whole. No caller
     * operation of the line may be written after the freeze: every FREEZE/USE/RETURN flow of the line is older than
     * the freeze's audit entry (both times come from one clock; the audit time is taken after the freeze's row lock,
     * the flow's under the batch's locks). Several rounds, one line each, to give the race its chances.
     */
    @Test
    void no_hold_or_use_commits_after_the_line_freeze() throws Exception {
        for (int round = 0; round < 4; round++) {
            raceALineFreeze();
        }
    }

    private void raceALineFreeze() throws Exception {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        GrantLineResult line = guarantee(upstream, 1_000_000_000L);
        String lineId = line.lineId();
        long node = root(line);
        // a hold with plenty in use for the repaying threads
        String repaid = limits.useDirect(new DirectUseRequest(id("setup"), lineId, node, 0, 1_000_000, CNY)).holdId();
        limits.disburse(new io.creditsuite.api.credit.DisburseRequest(id("setup"), repaid, 1_000_000, CNY));
        int threads = 18;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refusedFrozen = new AtomicInteger();
        List<Throwable> unexpected = new ArrayList<>();
        ConcurrentHashMap<String, Boolean> acceptedIds = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int kind = t % 3;
            done.add(pool.submit(() -> {
                while (!stop.get()) {
                    String requestId = id("race");
                    try {
                        LimitOperationResult result = switch (kind) {
                            case 0 -> limits.freeze(new FreezeRequest(requestId, lineId, node, 0, 1, CNY, null));
                            case 1 -> limits.useDirect(new DirectUseRequest(requestId, lineId, node, 0, 1, CNY));
                            default -> limits.repay(new io.creditsuite.api.credit.ReturnRequest(requestId, repaid, 1, CNY));
                        };
                        if (result.outcome() == LimitOutcome.ACCEPTED) {
                            accepted.incrementAndGet();
                            acceptedIds.put(requestId, true);
                        }
                    } catch (ApiException e) {
                        count(e, ErrorCode.LINE_FROZEN, refusedFrozen, unexpected);
                    }
                }
                return null;
            }));
        }
        try {
            // the race is under way (progress, not time: a loaded machine only makes it slower)
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= 2 * threads);
            String freezeId = id("freeze");
            maintenance.changeLineState(new LineActionRequest(freezeId, "ops-1", "risk event", lineId, LineAction.FREEZE));
            // keep racing after the freeze returned: late arrivals must be refused too
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> refusedFrozen.get() >= threads);
            stop.set(true);
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(unexpected).isEmpty();
            assertThat(accepted.get()).as("operations before the freeze").isPositive();
            assertThat(refusedFrozen.get()).as("operations refused after the freeze").isPositive();
            Timestamp frozenAt = jdbc.queryForObject("SELECT occurred_at FROM credit_audit WHERE request_id = ?",
                    Timestamp.class, freezeId);
            // the audit time is stored to the millisecond: a flow counts as late only from the next millisecond
            List<String> late = jdbc.queryForList("SELECT request_id FROM credit_flow WHERE line_id = ?"
                    + " AND flow_type IN ('FREEZE', 'USE', 'RETURN') AND occurred_at >= ? + INTERVAL 1000 MICROSECOND",
                    String.class, lineId, frozenAt);
            assertThat(late).as("caller operations of line %s written after its freeze at %s", lineId, frozenAt)
                    .isEmpty();
            Long written = jdbc.queryForObject("SELECT COUNT(*) FROM credit_flow WHERE line_id = ?"
                    + " AND flow_type IN ('FREEZE', 'USE', 'RETURN') AND request_id LIKE 'race-%'", Long.class, lineId);
            assertThat(written).as("every accepted request is a flow, and only those").isEqualTo(accepted.get());
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    @Autowired
    LimitChangeWriter writer;
    @Autowired
    LimitDirectory directory;

    /**
     * The race above, made deterministic: a batch of several changes on a line that has read the line (and written
     * its flows) but not committed holds the line row shared, so a line freeze waits for it; a batch after the
     * freeze sees the line frozen and refuses each change. Without the shared lock the freeze would commit while the
     * batch is still open, and the batch's uses would commit after it.
     */
    @Test
    void a_line_freeze_waits_for_an_open_batch_that_saw_the_line_usable_and_the_next_batch_is_refused() throws Exception {
        GrantLineResult line = guarantee(customer(CustomerSource.ENTERPRISE, null, null), 1_000_000L);
        long node = root(line);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map<LimitChange, LimitChangeResult>> batch = pool.submit(() -> new TransactionTemplate(transactionManager)
                    .execute(status -> {
                        Map<LimitChange, LimitChangeResult> results = writer.write(List.of(use(line, node), use(line, node)));
                        written.countDown();
                        await(commit);
                        return results;
                    }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            String freezeId = id("freeze");
            Future<?> freeze = pool.submit(() -> maintenance.changeLineState(
                    new LineActionRequest(freezeId, "ops-1", "risk event", line.lineId(), LineAction.FREEZE)));

            // observed, not timed: the freeze's transaction is seen waiting for a lock on the line row
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> freezeWaitsForTheLine(line.lineId()));
            assertThat(freeze.isDone()).as("the freeze waits for the open batch's shared lock on the line").isFalse();
            commit.countDown();
            assertThat(batch.get(30, TimeUnit.SECONDS).values()).hasSize(2)
                    .allSatisfy(r -> assertThat(r).isInstanceOf(LimitChangeResult.Accepted.class));
            freeze.get(30, TimeUnit.SECONDS);

            List<?> before = writes();
            Map<LimitChange, LimitChangeResult> after = new TransactionTemplate(transactionManager)
                    .execute(status -> writer.write(List.of(use(line, node), use(line, node))));
            assertThat(after.values()).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(
                    LimitChangeResult.Rejected.class, rejected -> assertThat(rejected.rejection().reason())
                            .isEqualTo(LimitRejection.Reason.LINE_FROZEN)));
            assertThat(writes()).isEqualTo(before);
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        assertReplayReproducesEveryNode();
    }

    /**
     * Whether a transaction waits for a lock (InnoDB's LOCK WAIT) in a statement on the line table: the freeze (the
     * ITs run one at a time, and nothing else of the service writes credit_line in the background).
     */
    private boolean freezeWaitsForTheLine(String lineId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'"
                + " AND trx_query LIKE '%credit_line%'", Long.class) > 0;
    }

    private LimitChange use(GrantLineResult line, long node) {
        CreditLine creditLine = directory.line(line.lineId()).orElseThrow();
        LimitPath path = directory.pathFrom(node);
        String requestId = id("lock");
        return LimitOperationRunner.change(requestId, Requests.bodyHash(requestId), new LimitOperation.DirectUse(requestId,
                creditLine.lineId(), CNY, path, 1), path, LimitOperationRunner.header(creditLine, requestId, 0, 1), true);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts the refusal the race expects; keeps any other error for the test to fail on. */
    private static void count(ApiException e, ErrorCode expected, AtomicInteger refused, List<Throwable> unexpected) {
        if (e.errorCode() == expected) {
            refused.incrementAndGet();
        } else {
            synchronized (unexpected) {
                unexpected.add(e);
            }
        }
    }
}
