package io.creditsuite.gateway.infrastructure.web.partner;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The JSON the partner API answers with. Amounts are decimal strings with exactly the currency's minor digits;
 * times are ISO-8601 instants in UTC.
 */
public final class PartnerJson {
    private PartnerJson() {
    }

    @Schema(name = "Customer")
    public record Customer(@Schema(example = "C-7f3a9c") String customerId,
                           @Schema(example = "cust-0001") String partnerCustomerRef,
                           @Schema(example = "Zhang San") String name,
                           @Schema(example = "CNY") String currency,
                           @Schema(example = "2026-12-02T08:30:00Z") String onboardedAt) {
    }

    @Schema(name = "CustomerLimits", description = "The customer's lines, each with every node of its limit tree")
    public record CustomerLimits(String customerId, List<Line> lines) {
    }

    @Schema(name = "Line")
    public record Line(@Schema(example = "L-2026-0001") String lineId, @Schema(example = "CNY") String currency,
                       List<LimitNode> nodes) {
    }

    @Schema(name = "LimitNode", description = "limit = used + frozen + available; used = inTransit + inUse")
    public record LimitNode(@Schema(example = "42") long nodeId,
                            @Schema(example = "L-2026-0001") String lineId,
                            @Schema(example = "REVOLVING") String limitType,
                            @Schema(example = "PRODUCT") String level,
                            String businessType,
                            @Schema(example = "CONSUMER-LOAN") String productCode,
                            @Schema(description = "The nodes whose limit a use of this node also consumes") List<Long> usageParentIds,
                            @Schema(description = "The nodes that cap what is granted to this node") List<Long> grantParentIds,
                            @Schema(example = "CNY") String currency,
                            @Schema(example = "50000.00") String limit,
                            @Schema(example = "5000.00") String used,
                            @Schema(example = "0.00") String inTransit,
                            @Schema(example = "5000.00") String inUse,
                            @Schema(example = "300.00") String frozen,
                            @Schema(example = "44700.00") String available) {
    }

    @Schema(name = "Statement", description = "A page of the journal (流水) of the customer's loan receivable account")
    public record Statement(String customerId, long accountId, List<StatementEntry> entries,
                            @Schema(description = "Pass as afterVersion for the next page; null on the last page")
                            Long nextAfterVersion) {
    }

    @Schema(name = "StatementEntry")
    public record StatementEntry(long version, String voucherNo, int legNo, String postingType,
                                 @Schema(example = "DEBIT") String side,
                                 @Schema(example = "5000.00") String amount, @Schema(example = "CNY") String currency,
                                 String balanceBefore, String balanceAfter,
                                 @Schema(example = "2026-12-02") String accountingDate,
                                 @Schema(description = "A reversal (蓝抵) entry offsetting an earlier one") boolean reversal) {
    }

    @Schema(name = "Loan", description = "principalOutstanding = amount - repaidPrincipal once disbursed; refusal only when status = REFUSED")
    public record Loan(@Schema(example = "LN-9d2e41") String loanId,
                       @Schema(example = "C-7f3a9c") String customerId,
                       @Schema(example = "L-2026-0001") String lineId,
                       @Schema(example = "42") long productNodeId,
                       @Schema(example = "5000.00") String amount,
                       @Schema(example = "CNY") String currency,
                       @Schema(example = "6222020200112233") String payeeAccount,
                       @Schema(example = "DISBURSING", allowableValues = {"PENDING", "DISBURSING", "ACTIVE", "REPAID", "REFUSED"}) String status,
                       @Schema(description = "Why the drawdown was refused", nullable = true,
                               allowableValues = {"LIMIT_INSUFFICIENT", "LINE_FROZEN", "LINE_EXPIRED", "LINE_CLEARED",
                                       "FUNDING_INSUFFICIENT", "FUNDING_ACCOUNT_FROZEN", "LOAN_ACCOUNT_FROZEN", "UNAVAILABLE"})
                       String refusal,
                       @Schema(example = "5000.00") String principalOutstanding,
                       @Schema(example = "0.00") String repaidPrincipal,
                       @Schema(example = "2026-12-02T08:31:00.120Z") String createdAt,
                       @Schema(example = "2026-12-02T08:31:01.005Z", nullable = true) String disbursedAt) {
    }

    @Schema(name = "Repayment")
    public record Repayment(@Schema(example = "RP-51c0aa") String repaymentId,
                            @Schema(example = "LN-9d2e41") String loanId,
                            @Schema(example = "1000.00") String principal,
                            @Schema(example = "12.50") String interest,
                            @Schema(example = "CNY") String currency,
                            @Schema(example = "6222020200112233") String payerAccount,
                            @Schema(description = "The ledger voucher of the repayment posting") String voucherNo,
                            @Schema(example = "2026-12-20T10:00:00Z") String repaidAt) {
    }

    @Schema(name = "RepaymentResult", description = "The repayment and the loan after it")
    public record RepaymentResult(Repayment repayment, Loan loan) {
    }

    @Schema(name = "Repayments", description = "The loan's repayments, oldest first")
    public record Repayments(String loanId, List<Repayment> repayments) {
    }

    @Schema(name = "Hold")
    public record Hold(@Schema(example = "H-88c1f0") String holdId,
                       @Schema(example = "ACCEPTED") String outcome,
                       @Schema(nullable = true) String detail) {
    }
}
