package io.creditsuite.credit.domain.lending;

import java.util.function.Consumer;

/**
 * The drawdown's global transaction (Seata, begun here): credit's TCC try freezes the loan on its product's path
 * (hold {@link Loan#holdId()}), account's TransOut try reserves it on the funding account (transfer
 * {@link Loan#transferId()}, contra leg on the customer's loan account); both tried -> commit, any refusal ->
 * rollback.
 */
public interface DrawdownTransaction {
    /** {@code begun} is told the xid as soon as the transaction began, before any try (to record it on the loan). */
    Attempt run(Loan loan, FundingLegs legs, Consumer<String> begun);

    /** The accounts of the ledger's side: money leaves {@code fundingAccountId}, the loan account's receivable rises. */
    record FundingLegs(long fundingAccountId, long loanAccountId) {
    }

    sealed interface Attempt {
        String xid();
    }

    /** The TC took the commit: phase two confirms both branches (asynchronously). */
    record Committed(String xid) implements Attempt {
    }

    /** Rolled back (or never begun: xid null): nothing stays frozen once phase two ran. */
    record RolledBack(String xid, Refusal refusal) implements Attempt {
    }

    /** The outcome is not known here (the commit's or rollback's answer was lost): ask the facts later. */
    record Undecided(String xid, String detail) implements Attempt {
    }
}
