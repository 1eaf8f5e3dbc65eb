package io.creditsuite.api.lending;

import java.io.Serializable;

/** @param refusal null when ACCEPTED */
public record DrawdownResult(DrawdownOutcome outcome, DrawdownRefusal refusal, String detail, LoanView loan)
        implements Serializable {
}
