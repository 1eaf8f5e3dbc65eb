package io.creditsuite.account.application;

/**
 * A unique key of the store refused the transaction's insert; the transaction rolled back. Thrown by
 * {@link PostingTransactions}: the database's unique keys are the last word on "a voucher applies once" and
 * "an entry is reversed once".
 */
public class DuplicateRecordException extends RuntimeException {
    public DuplicateRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
