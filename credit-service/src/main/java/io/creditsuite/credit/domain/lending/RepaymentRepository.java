package io.creditsuite.credit.domain.lending;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The repayments; every write runs in the caller's transaction. */
public interface RepaymentRepository {
    /** false when the partner's request id holds a repayment already. */
    boolean insert(Repayment repayment);

    Optional<Repayment> byId(String repaymentId);

    Optional<Repayment> byPartnerRequest(String partnerId, String requestId);

    /** The loan's repayments in {@code seq} order. */
    List<Repayment> ofLoan(String loanId);

    /** Stores {@code repayment} if the stored row is still PENDING; false otherwise. */
    boolean settle(Repayment repayment);

    /** PENDING repayments created before {@code before}, oldest first. */
    List<Repayment> pending(Instant before, int limit);
}
