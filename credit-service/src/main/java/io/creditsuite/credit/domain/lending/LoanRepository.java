package io.creditsuite.credit.domain.lending;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The loans; every write runs in the caller's transaction. */
public interface LoanRepository {
    /** false when the partner's request id holds a loan already (unique key (partner, request id)). */
    boolean insert(Loan loan);

    Optional<Loan> byId(String loanId);

    Optional<Loan> byPartnerRequest(String partnerId, String requestId);

    /** The loan, locked for update until the caller's transaction ends. */
    Optional<Loan> lock(String loanId);

    /** Stores {@code loan} if the stored row is still in {@code expected}; false otherwise (someone moved it first). */
    boolean update(Loan loan, LoanState expected);

    /** Loans in {@code state} created before {@code before}, oldest first. */
    List<Loan> inState(LoanState state, Instant before, int limit);
}
