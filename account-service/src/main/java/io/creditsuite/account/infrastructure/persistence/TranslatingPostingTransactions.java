package io.creditsuite.account.infrastructure.persistence;

import io.creditsuite.account.application.DuplicateRecordException;
import io.creditsuite.account.application.LedgerWriter;
import io.creditsuite.account.application.PostingTransactions;
import io.creditsuite.account.application.ResolvedPosting;
import io.creditsuite.account.application.TransientStoreException;
import io.creditsuite.account.application.WriteOutcome;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;

/**
 * {@link PostingTransactions} on Spring's transactions: calls the (transactional) {@link LedgerWriter} and turns
 * the exceptions Spring's JDBC translation raises once the transaction rolled back into the application's own.
 * The types caught are exactly those the retry loop of {@code BatchRunner} absorbed before it stopped knowing
 * Spring: a duplicate key (MySQL/MariaDB 1062) and every transient failure (deadlock victim 1213, lock wait
 * timeout 1205).
 */
public class TranslatingPostingTransactions implements PostingTransactions {
    private final LedgerWriter writer;

    public TranslatingPostingTransactions(LedgerWriter writer) {
        this.writer = writer;
    }

    @Override
    public List<WriteOutcome> write(List<ResolvedPosting> batch) {
        return translated(() -> writer.write(batch));
    }

    @Override
    public List<WriteOutcome> writeTrustingUniqueKeys(List<ResolvedPosting> batch) {
        return translated(() -> writer.writeTrustingUniqueKeys(batch));
    }

    private static List<WriteOutcome> translated(Supplier<List<WriteOutcome>> transaction) {
        try {
            return transaction.get();
        } catch (DuplicateKeyException e) {
            throw new DuplicateRecordException(e.getMessage(), e);
        } catch (TransientDataAccessException e) {
            throw new TransientStoreException(e.getMessage(), e);
        }
    }
}
