package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.support.web.Problems;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.DrawdownRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refused drawdown or hold is a business outcome, answered as {@code 422} problem+json whose {@code code} is the
 * reason's own stable code (CS-2014 LIMIT_INSUFFICIENT, ...), with the extension members {@code outcome = REFUSED},
 * {@code refusal} (the reason's name) and, for a drawdown, the refused {@code loan}. A non-2xx status makes a
 * client that only checks for success unable to mistake a refusal for a loan; nothing is frozen after it.
 * The one exception is {@code UNAVAILABLE} (a service or the TC did not answer; rolled back): {@code 503 CS-1004},
 * to be retried with a new Idempotency-Key.
 */
final class Refusals {
    static final String REFUSED = "REFUSED";

    private Refusals() {
    }

    static ProblemDetail drawdown(DrawdownRefusal refusal, String detail, PartnerJson.Loan loan) {
        ErrorCode code = switch (refusal) {
            case LIMIT_INSUFFICIENT -> ErrorCode.LIMIT_INSUFFICIENT;
            case LINE_FROZEN -> ErrorCode.LINE_FROZEN;
            case LINE_EXPIRED -> ErrorCode.LINE_EXPIRED;
            case LINE_CLEARED -> ErrorCode.LINE_CLEARED;
            case FUNDING_INSUFFICIENT -> ErrorCode.INSUFFICIENT_BALANCE;
            case FUNDING_ACCOUNT_FROZEN, LOAN_ACCOUNT_FROZEN -> ErrorCode.ACCOUNT_FROZEN;
            case UNAVAILABLE -> ErrorCode.DOWNSTREAM_UNAVAILABLE;
        };
        ProblemDetail problem = refused(code, refusal.name(), detail);
        if (refusal == DrawdownRefusal.UNAVAILABLE) {
            problem.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        }
        problem.setProperty("loan", loan);
        return problem;
    }

    static ProblemDetail limitInsufficient(String detail) {
        return refused(ErrorCode.LIMIT_INSUFFICIENT, ErrorCode.LIMIT_INSUFFICIENT.name(), detail);
    }

    private static ProblemDetail refused(ErrorCode code, String refusal, String detail) {
        ProblemDetail problem = Problems.problem(code, detail);
        problem.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        problem.setProperty("outcome", REFUSED);
        problem.setProperty("refusal", refusal);
        return problem;
    }
}
