package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.creditsuite.credit.application.DirectUseHandler;
import io.creditsuite.credit.application.LimitOperationRunner;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.infrastructure.persistence.GroupCommitLimitChanges;
import io.creditsuite.credit.infrastructure.persistence.LimitChangeWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliverable 8's proof: 64 threads race to use a nearly exhausted shared node, one upstream's guarantee used
 * by 50 downstream customers' lines. Nothing is overdrawn, nothing is lost: the successful uses add up to
 * exactly what every node says is used, and the flow log rebuilds every node. Near exhaustion the writer's
 * optimistic batches (which leave the limit check to their guarded node update) fail it and are written again with
 * their nodes locked.
 */
class SharedGuaranteeRaceIT extends CreditLimitITSupport {
    private static final int THREADS = 64;
    private static final int DOWNSTREAMS = 50;
    private static final int ATTEMPTS_PER_THREAD = 40;
    private static final long GUARANTEE = 100_000;
    private static final long ALREADY_USED = 96_000;

    @Autowired
    LimitChangeWriter writer;
    @Autowired
    LimitDirectory directory;
    @Autowired
    java.time.Clock clock;
    @Autowired
    GroupCommitLimitChanges grouped;

    @Test
    void sixty_four_threads_never_overdraw_the_shared_guarantee_and_lose_nothing() throws Exception {
        long rewrittenBefore = grouped.stats().rewritten();
        race(request -> limits.useDirect(request));
        assertThat(grouped.stats().rewritten() - rewrittenBefore)
                .as("optimistic batches that did not fit near exhaustion were written again, locked").isPositive();
    }

    /**
     * As if two instances of the service ran: two independent group-commit engines (each with its own writer
     * threads, so nothing in memory orders them) race on the same shared node; only the database's row locks,
     * conditional updates and unique keys stand between them and an overdraft.
     */
    @Test
    void two_independent_writers_on_the_same_shared_node_never_overdraw_it() throws Exception {
        TransactionTemplate inTransaction = new TransactionTemplate(transactionManager);
        GroupCommitLimitChanges first = new GroupCommitLimitChanges(writer, inTransaction, clock, 1, 2, 512, 30_000);
        GroupCommitLimitChanges second = new GroupCommitLimitChanges(writer, inTransaction, clock, 1, 2, 512, 30_000);
        try {
            DirectUseHandler a = new DirectUseHandler(new LimitOperationRunner(directory, first, writer, clock));
            DirectUseHandler b = new DirectUseHandler(new LimitOperationRunner(directory, second, writer, clock));
            race(request -> (Thread.currentThread().getId() % 2 == 0 ? a : b).handle(request));
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    private void race(java.util.function.Function<DirectUseRequest, LimitOperationResult> use) throws Exception {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        GrantLineResult guarantee = guarantee(upstream, GUARANTEE);
        long shared = root(guarantee);
        List<GrantLineResult> lines = new ArrayList<>();
        for (int i = 0; i < DOWNSTREAMS; i++) {
            lines.add(vendorLine(upstream, customer(CustomerSource.DEALER, null, null), shared, GUARANTEE, true));
        }
        GrantLineResult first = lines.get(0);
        assertThat(limits.useDirect(new DirectUseRequest(id("r"), first.lineId(), product(first), 0, ALREADY_USED, CNY))
                .outcome()).isEqualTo(LimitOutcome.ACCEPTED);

        String race = id("race");
        ConcurrentHashMap<String, AtomicLong> acceptedByLine = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong acceptedCount = new AtomicLong();
        AtomicLong refusedCount = new AtomicLong();
        List<String> requestIds = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            runs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                    GrantLineResult line = lines.get(ThreadLocalRandom.current().nextInt(DOWNSTREAMS));
                    long amount = 1 + ThreadLocalRandom.current().nextInt(150);
                    String requestId = race + "-" + Thread.currentThread().getId() + "-" + i;
                    LimitOperationResult result = use.apply(new DirectUseRequest(requestId, line.lineId(),
                            product(line), 0, amount, CNY));
                    if (result.outcome() == LimitOutcome.ACCEPTED) {
                        accepted.addAndGet(amount);
                        acceptedCount.incrementAndGet();
                        requestIds.add(requestId);
                        acceptedByLine.computeIfAbsent(line.lineId(), k -> new AtomicLong()).addAndGet(amount);
                    } else {
                        refusedCount.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        LimitNodeView guaranteeNode = node(guarantee.lineId(), shared);
        assertThat(guaranteeNode.usedMinor() + guaranteeNode.frozenMinor()).as("never overdrawn")
                .isLessThanOrEqualTo(GUARANTEE);
        assertThat(guaranteeNode.usedMinor()).as("nothing lost, nothing created").isEqualTo(ALREADY_USED + accepted.get());
        assertThat(refusedCount.get()).as("the race really exhausted the node").isPositive();
        assertThat(guaranteeNode.availableMinor()).isLessThan(150);
        for (GrantLineResult line : lines) {
            long expected = acceptedByLine.getOrDefault(line.lineId(), new AtomicLong()).get()
                    + (line == first ? ALREADY_USED : 0);
            for (LimitNodeView n : limits.nodeTree(new io.creditsuite.api.credit.NodeTreeQuery(
                    io.creditsuite.api.credit.NodeScope.LINE, line.lineId()))) {
                assertThat(n.usedMinor()).as("node %d of line %s", n.nodeId(), line.lineId()).isEqualTo(expected);
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_flow WHERE request_id LIKE ?", Long.class, race + "-%"))
                .as("one flow per successful use").isEqualTo(acceptedCount.get());
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(credit_minor), 0) FROM credit_flow WHERE request_id LIKE ?",
                Long.class, race + "-%")).isEqualTo(accepted.get());
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(e.in_transit_minor), 0) FROM credit_flow_entry e JOIN credit_flow f"
                + " ON f.flow_seq = e.flow_seq WHERE f.request_id LIKE ? AND e.node_id = ?", Long.class, race + "-%", shared))
                .isEqualTo(accepted.get());
        assertReplayReproducesEveryNode();
    }
}
