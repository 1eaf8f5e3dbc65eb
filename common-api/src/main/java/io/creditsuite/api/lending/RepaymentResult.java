package io.creditsuite.api.lending;

import java.io.Serializable;

public record RepaymentResult(RepaymentView repayment, LoanView loan) implements Serializable {
}
