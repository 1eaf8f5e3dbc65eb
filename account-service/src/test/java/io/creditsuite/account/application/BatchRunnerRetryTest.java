package io.creditsuite.account.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.Side;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * BatchRunner's retry loop over the PostingTransactions port: what it does with each way a transaction can end,
 * scripted call by call (the adapter's translation of Spring's exceptions is TranslatingPostingTransactionsTest).
 */
class BatchRunnerRetryTest {
    private final List<String> calls = new ArrayList<>();
    private final Deque<Function<List<ResolvedPosting>, List<WriteOutcome>>> script = new ArrayDeque<>();
    private final BatchRunner runner = new BatchRunner(new PostingTransactions() {
        @Override
        public List<WriteOutcome> write(List<ResolvedPosting> batch) {
            return next("checked ", batch);
        }

        @Override
        public List<WriteOutcome> writeTrustingUniqueKeys(List<ResolvedPosting> batch) {
            return next("optimistic ", batch);
        }
    });

    private List<WriteOutcome> next(String how, List<ResolvedPosting> batch) {
        calls.add(how + batch.stream().map(c -> c.posting().voucherNo()).toList());
        return (script.size() > 1 ? script.poll() : script.peek()).apply(batch);
    }

    private static ResolvedPosting command(String voucherNo) {
        Posting p = new Posting(voucherNo, "TRANSFER", List.of(new Leg(1, Side.DEBIT, 5, "CNY"),
                new Leg(2, Side.CREDIT, 5, "CNY")));
        return ResolvedPosting.of(p, p.digest(), "t");
    }

    private static ResolvedPosting reversalOf(String voucherNo) {
        Posting p = new Posting(voucherNo, "REVERSAL", List.of(new Leg(1, Side.CREDIT, 5, "CNY"),
                new Leg(2, Side.DEBIT, 5, "CNY")));
        return ResolvedPosting.reversalOf(p, p.digest(), "t", List.of(11L, 12L));
    }

    private static List<WriteOutcome> posted(List<ResolvedPosting> batch) {
        return batch.stream().<WriteOutcome>map(c -> new WriteOutcome.Posted(List.of(), List.of())).toList();
    }

    private static Function<List<ResolvedPosting>, List<WriteOutcome>> throwing(RuntimeException e) {
        return batch -> {
            throw e;
        };
    }

    @Test
    void a_transaction_the_store_rolled_back_as_transient_is_run_again_until_it_commits() {
        script.add(throwing(new TransientStoreException("deadlock victim", null)));
        script.add(BatchRunnerRetryTest::posted);

        List<WriteOutcome> outcomes = runner.run(List.of(command("v-1")));

        assertThat(outcomes).singleElement().isInstanceOf(WriteOutcome.Posted.class);
        assertThat(calls).containsExactly("optimistic [v-1]", "optimistic [v-1]");
    }

    @Test
    void a_duplicate_in_an_optimistic_batch_runs_each_posting_alone_with_the_voucher_look_up() {
        script.add(throwing(new DuplicateRecordException("voucher v-1 exists", null)));
        script.add(batch -> List.of(new WriteOutcome.Replayed()));
        script.add(BatchRunnerRetryTest::posted);

        List<WriteOutcome> outcomes = runner.run(List.of(command("v-1"), command("v-2")));

        assertThat(outcomes.get(0)).isInstanceOf(WriteOutcome.Replayed.class);
        assertThat(outcomes.get(1)).isInstanceOf(WriteOutcome.Posted.class);
        assertThat(calls).containsExactly("optimistic [v-1, v-2]", "checked [v-1]", "checked [v-2]");
    }

    @Test
    void a_reversal_that_still_collides_when_run_alone_is_refused_as_already_reversed() {
        script.add(throwing(new DuplicateRecordException("reversed entry 11 exists", null)));

        List<WriteOutcome> outcomes = runner.run(List.of(reversalOf("v-1")));

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(WriteOutcome.Refused.class,
                r -> assertThat(r.reason().error()).isEqualTo(LedgerError.ENTRY_ALREADY_REVERSED));
        assertThat(calls).containsExactly("optimistic [v-1]", "checked [v-1]");
    }

    @Test
    void a_batch_still_failing_after_twenty_attempts_is_refused_as_busy_posting_by_posting_and_nothing_else() {
        script.add(throwing(new TransientStoreException("lock wait timeout", null)));

        List<WriteOutcome> outcomes = runner.run(List.of(command("v-1"), command("v-2")));

        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(WriteOutcome.Refused.class,
                r -> assertThat(r.reason().error()).isEqualTo(LedgerError.LEDGER_BUSY)));
        assertThat(calls).hasSize(20);
    }

    @Test
    void any_other_failure_reaches_the_caller_after_one_attempt() {
        script.add(throwing(new IllegalArgumentException("a bug")));

        Throwable thrown = catchThrowable(() -> runner.run(List.of(command("v-1"))));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasSize(1);
    }
}
