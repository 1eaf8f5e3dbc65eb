package io.creditsuite.credit.domain.lending;

/** Where a loan stands: PENDING -> DISBURSING -> ACTIVE -> REPAID, or PENDING -> REFUSED; nothing else. */
public enum LoanState {
    /** the drawdown's global transaction is running (or its outcome is not known yet) */
    PENDING,
    /** the global transaction committed: the limit is in transit, the ledger pays out */
    DISBURSING,
    /** the ledger paid out: the limit is in use */
    ACTIVE,
    /** principal outstanding is zero */
    REPAID,
    /** the global transaction rolled back: nothing stays frozen */
    REFUSED;

    /** Whether {@code this -> next} is one of the allowed transitions. */
    public boolean mayBecome(LoanState next) {
        return switch (this) {
            case PENDING -> next == DISBURSING || next == REFUSED;
            case DISBURSING -> next == ACTIVE;
            case ACTIVE -> next == REPAID;
            case REPAID, REFUSED -> false;
        };
    }
}
