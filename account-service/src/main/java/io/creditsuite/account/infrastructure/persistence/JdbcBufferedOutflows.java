package io.creditsuite.account.infrastructure.persistence;

import io.creditsuite.account.domain.BufferedOutflows;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.WatermarkFloor;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code buffered_outflow} and {@code buffered_outflow_total}. Each reservation and release is its
 * own transaction holding the account's total row lock, so the check of {@link WatermarkFloor} and
 * the reservation are one atomic step across all instances. Lock order: the total row, then the
 * voucher's row, in both.
 */
@Repository
class JdbcBufferedOutflows implements BufferedOutflows {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate inNewTransaction;
    /** Creates a total row on its own, committed at once, outside the reservation's transaction. */
    private final TransactionTemplate createTotal;

    JdbcBufferedOutflows(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.inNewTransaction = new TransactionTemplate(transactions);
        // never part of a caller's transaction: a reservation must be visible to the other instances at once
        inNewTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.createTotal = new TransactionTemplate(transactions);
        createTotal.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Reservation reserve(long accountId, String voucherNo, long amountMinor, WatermarkFloor floor) {
        return inNewTransaction.execute(status -> {
            long queued = lockTotal(accountId);
            if (reserved(accountId, voucherNo) != null) {
                return Reservation.ALREADY_RESERVED;
            }
            List<Long> available = jdbc.queryForList("SELECT available_minor FROM account WHERE id = ?", Long.class,
                    accountId);
            if (available.isEmpty()) {
                throw new LedgerException(LedgerError.ACCOUNT_NOT_FOUND, "account " + accountId + " does not exist");
            }
            if (!floor.admits(available.get(0), queued, amountMinor)) {
                return Reservation.REFUSED;
            }
            jdbc.update("INSERT INTO buffered_outflow (account_id, voucher_no, amount_minor) VALUES (?, ?, ?)",
                    accountId, voucherNo, amountMinor);
            jdbc.update("UPDATE buffered_outflow_total SET queued_minor = ? WHERE account_id = ?",
                    Math.addExact(queued, amountMinor), accountId);
            return Reservation.RESERVED;
        });
    }

    @Override
    public void release(long accountId, String voucherNo) {
        inNewTransaction.executeWithoutResult(status -> {
            long queued = lockTotal(accountId);
            Long amount = reserved(accountId, voucherNo);
            if (amount == null) {
                return;
            }
            jdbc.update("DELETE FROM buffered_outflow WHERE account_id = ? AND voucher_no = ?", accountId, voucherNo);
            jdbc.update("UPDATE buffered_outflow_total SET queued_minor = ? WHERE account_id = ?",
                    Math.subtractExact(queued, amount), accountId);
        });
    }

    @Override
    public long queuedMinor(long accountId) {
        List<Long> queued = jdbc.queryForList("SELECT queued_minor FROM buffered_outflow_total WHERE account_id = ?",
                Long.class, accountId);
        return queued.isEmpty() ? 0 : queued.get(0);
    }

    /**
     * The account's total, row-locked until the transaction ends. The row is created at 0 the first time, in a
     * transaction of its own, before the locking read (a plain read finds it missing). An INSERT IGNORE inside this
     * transaction would take a shared lock on an existing row, and two transactions each holding one and asking for
     * the exclusive lock deadlock (seen between a reserve and a release in LedgerBufferedIT). So a transaction here
     * takes exactly one lock, the exclusive one, on one row.
     */
    private long lockTotal(long accountId) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM buffered_outflow_total WHERE account_id = ?",
                Integer.class, accountId);
        if (rows == null || rows == 0) {
            createTotal.executeWithoutResult(status -> jdbc.update(
                    "INSERT IGNORE INTO buffered_outflow_total (account_id, queued_minor) VALUES (?, 0)", accountId));
        }
        return jdbc.queryForObject("SELECT queued_minor FROM buffered_outflow_total WHERE account_id = ? FOR UPDATE",
                Long.class, accountId);
    }

    private Long reserved(long accountId, String voucherNo) {
        List<Long> amount = jdbc.queryForList("SELECT amount_minor FROM buffered_outflow WHERE account_id = ? AND voucher_no = ?",
                Long.class, accountId, voucherNo);
        return amount.isEmpty() ? null : amount.get(0);
    }
}
