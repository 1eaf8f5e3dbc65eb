package io.creditsuite.account.domain;

/** A refusal by the ledger's rules; nothing has been written when it is thrown. */
public class LedgerException extends RuntimeException {
    private final LedgerError error;
    /** The account the refusal is about, when there is one (an insufficient balance names it). */
    private final Long accountId;

    public LedgerException(LedgerError error, String detail) {
        this(error, detail, null);
    }

    public LedgerException(LedgerError error, String detail, Long accountId) {
        super(detail);
        this.error = error;
        this.accountId = accountId;
    }

    public Long accountId() {
        return accountId;
    }

    public LedgerError error() {
        return error;
    }
}
