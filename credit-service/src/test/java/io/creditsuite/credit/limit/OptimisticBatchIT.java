package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.credit.application.DirectUseHandler;
import io.creditsuite.credit.application.LimitOperationRunner;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.infrastructure.persistence.GroupCommitLimitChanges;
import io.creditsuite.credit.infrastructure.mq.OutboxCreditEvents;
import io.creditsuite.credit.infrastructure.persistence.LimitChangeWriter;
import io.creditsuite.credit.infrastructure.persistence.WriterConnections;
import java.sql.Timestamp;
import io.creditsuite.support.outbox.JdbcOutbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writer's optimistic batches (freezes and direct uses written without reading their nodes, which their one
 * guarded update locks and checks): whatever fails the guard, the batch is written again with its nodes locked
 * first, the answer is the one a locked write gives, and the flow log still replays to every node's balances.
 */
class OptimisticBatchIT extends CreditLimitITSupport {
    @Autowired
    LimitDirectory directory;
    @Autowired
    WriterConnections writerConnections;
    @Autowired
    Clock clock;

    @Test
    void a_batch_on_a_fresh_read_is_applied_as_it_was_planned() {
        GrantLineResult line = line(1_000);
        withEngine(Clock.systemUTC(), (engine, use) -> {
            assertThat(use.apply(request(line, 100)).outcome()).isEqualTo(LimitOutcome.ACCEPTED);
            assertThat(use.apply(request(line, 200)).outcome()).isEqualTo(LimitOutcome.ACCEPTED);
            assertThat(engine.stats().rewritten()).as("nothing made them stale").isZero();
        });
        assertThat(node(line.lineId(), product(line)).usedMinor()).isEqualTo(300);
        assertReplayReproducesEveryNode();
    }

    @Test
    void a_writer_whose_clock_is_behind_the_nodes_latest_flow_is_refused_by_the_order_guard_and_written_again_locked() {
        GrantLineResult line = line(1_000);
        assertThat(limits.useDirect(request(line, 100)).outcome()).isEqualTo(LimitOutcome.ACCEPTED);
        Timestamp latest = lastFlowAt(product(line));

        withEngine(Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)), (engine, use) -> {
            // each ticket is an hour before the nodes' latest flow: applied, replay would put its flow first
            assertThat(use.apply(request(line, 10)).outcome()).isEqualTo(LimitOutcome.ACCEPTED);
            assertThat(use.apply(request(line, 20)).outcome()).isEqualTo(LimitOutcome.ACCEPTED);
            assertThat(engine.stats().rewritten()).isEqualTo(2);
        });

        assertThat(jdbc.queryForList("SELECT occurred_at FROM credit_flow WHERE line_id = ? AND flow_type = 'USE'"
                + " ORDER BY flow_seq",
                Timestamp.class, line.lineId())).as("never stamped before the nodes' latest flow")
                .containsExactly(latest, latest, latest);
        assertThat(node(line.lineId(), product(line)).usedMinor()).isEqualTo(130);
        assertReplayReproducesEveryNode();
    }

    @Test
    void a_use_beyond_the_limit_fails_the_guard_and_is_refused_by_the_locked_rewrite_writing_nothing() {
        GrantLineResult line = line(1_000);
        withEngine(Clock.systemUTC(), (engine, use) -> {
            List<?> before = writes();
            LimitOperationResult refused = use.apply(request(line, 1_001));
            assertThat(refused.outcome()).isEqualTo(LimitOutcome.LIMIT_INSUFFICIENT);
            assertThat(engine.stats().rewritten()).as("decided again with the nodes locked").isEqualTo(1);
            assertThat(writes()).isEqualTo(before);
        });
        assertReplayReproducesEveryNode();
    }

    @Test
    void the_group_commit_writes_on_connections_that_stay_out_of_autocommit() {
        // no SET autocommit round trips around each batch: the transaction manager finds autocommit already off
        assertThat(writerConnections.jdbc().queryForObject("SELECT @@autocommit", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT @@autocommit", Integer.class)).as("the service's own pool").isOne();
        GrantLineResult line = line(1_000);
        assertThat(limits.useDirect(request(line, 7)).outcome()).isEqualTo(LimitOutcome.ACCEPTED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_flow WHERE line_id = ? AND flow_type = 'USE'",
                Long.class, line.lineId())).as("committed, seen from another pool").isOne();
    }

    /** A writer and a group-commit engine of its own (one queue, two threads) on {@code writerClock}, for {@code test}. */
    private void withEngine(Clock writerClock,
                            BiConsumer<GroupCommitLimitChanges, Function<DirectUseRequest, LimitOperationResult>> test) {
        LimitChangeWriter writer = new LimitChangeWriter(jdbc, writerClock,
                new OutboxCreditEvents(new JdbcOutbox(jdbc, writerClock), writerClock));
        GroupCommitLimitChanges engine = new GroupCommitLimitChanges(writer, new TransactionTemplate(transactionManager),
                writerClock, 1, 2, 512, 30_000);
        try {
            DirectUseHandler handler = new DirectUseHandler(new LimitOperationRunner(directory, engine, writer, clock));
            test.accept(engine, handler::handle);
        } finally {
            engine.destroy();
        }
    }

    private GrantLineResult line(long limit) {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        GrantLineResult guarantee = guarantee(upstream, limit);
        return vendorLine(upstream, customer(CustomerSource.DEALER, null, null), root(guarantee), limit, true);
    }

    private static DirectUseRequest request(GrantLineResult line, long amount) {
        return new DirectUseRequest(id("opt"), line.lineId(), product(line), 0, amount, CNY);
    }

    private Timestamp lastFlowAt(long nodeId) {
        return jdbc.queryForObject("SELECT last_flow_at FROM limit_node WHERE node_id = ?", Timestamp.class, nodeId);
    }
}
