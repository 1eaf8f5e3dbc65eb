package io.creditsuite.account.application;

/**
 * The store rolled the transaction back for a reason a rerun may not meet again (a deadlock victim, a lock wait
 * timeout). Thrown by {@link PostingTransactions}; nothing of the transaction was written.
 */
public class TransientStoreException extends RuntimeException {
    public TransientStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
