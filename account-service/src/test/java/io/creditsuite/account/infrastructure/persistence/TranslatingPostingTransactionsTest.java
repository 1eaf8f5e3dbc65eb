package io.creditsuite.account.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.creditsuite.account.application.DuplicateRecordException;
import io.creditsuite.account.application.LedgerWriter;
import io.creditsuite.account.application.ResolvedPosting;
import io.creditsuite.account.application.TransientStoreException;
import io.creditsuite.account.application.WriteOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * The adapter turns exactly the Spring exceptions BatchRunner used to catch (DuplicateKeyException, every
 * TransientDataAccessException) into the application's own, keeping the cause, and lets everything else through.
 */
class TranslatingPostingTransactionsTest {

    /** What each of the port's two writes (looked up, trusting the unique keys) throws; both translate alike. */
    private static Throwable thrownWhenTheWriterThrows(RuntimeException fromTheStore) {
        LedgerWriter failing = new LedgerWriter(null, null, null, null, null, null) {
            @Override
            public List<WriteOutcome> write(List<ResolvedPosting> batch) {
                throw fromTheStore;
            }

            @Override
            public List<WriteOutcome> writeTrustingUniqueKeys(List<ResolvedPosting> batch) {
                throw fromTheStore;
            }
        };
        TranslatingPostingTransactions port = new TranslatingPostingTransactions(failing);
        Throwable lookedUp = catchThrowable(() -> port.write(List.of()));
        Throwable trusting = catchThrowable(() -> port.writeTrustingUniqueKeys(List.of()));
        assertThat(trusting).hasSameClassAs(lookedUp);
        assertThat(trusting.getCause()).isSameAs(lookedUp.getCause());
        return trusting;
    }

    @Test
    void a_duplicate_key_becomes_a_duplicate_record_carrying_its_cause() {
        DuplicateKeyException duplicate = new DuplicateKeyException("Duplicate entry 'v-1-1-0' for key 'uk_voucher'");

        assertThat(thrownWhenTheWriterThrows(duplicate)).isInstanceOf(DuplicateRecordException.class).hasCause(duplicate);
    }

    @Test
    void a_deadlock_or_lock_wait_timeout_or_query_timeout_becomes_a_transient_store_failure() {
        for (RuntimeException transientFailure : List.of(new CannotAcquireLockException("1205 lock wait timeout"),
                new PessimisticLockingFailureException("1213 deadlock"), new QueryTimeoutException("timeout"))) {
            assertThat(thrownWhenTheWriterThrows(transientFailure)).isInstanceOf(TransientStoreException.class)
                    .hasCause(transientFailure);
        }
    }

    @Test
    void other_failures_pass_through_unchanged() {
        DataIntegrityViolationException check = new DataIntegrityViolationException("CHECK (available + overdraft >= 0)");
        IllegalStateException versionMoved = new IllegalStateException("an account changed under its lock");

        assertThat(thrownWhenTheWriterThrows(check)).isSameAs(check);
        assertThat(thrownWhenTheWriterThrows(versionMoved)).isSameAs(versionMoved);
    }

    @Test
    void a_transaction_that_commits_returns_the_writer_outcomes() {
        List<WriteOutcome> outcomes = List.of(new WriteOutcome.Replayed());
        List<WriteOutcome> trustingOutcomes = List.of(new WriteOutcome.Posted(List.of(), List.of()));
        LedgerWriter writer = new LedgerWriter(null, null, null, null, null, null) {
            @Override
            public List<WriteOutcome> write(List<ResolvedPosting> batch) {
                return outcomes;
            }

            @Override
            public List<WriteOutcome> writeTrustingUniqueKeys(List<ResolvedPosting> batch) {
                return trustingOutcomes;
            }
        };

        assertThat(new TranslatingPostingTransactions(writer).write(List.of())).isSameAs(outcomes);
        assertThat(new TranslatingPostingTransactions(writer).writeTrustingUniqueKeys(List.of()))
                .isSameAs(trustingOutcomes);
    }
}
