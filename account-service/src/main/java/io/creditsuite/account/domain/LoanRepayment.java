package io.creditsuite.account.domain;

import java.util.List;
import java.util.Optional;

/**
 * A written loan repayment (还款), read back from its posting: {@link PostingTemplate#loanRepayment}'s shape,
 * {@code DEBIT clearing (p + i) = CREDIT loan p [+ CREDIT interest income i]}.
 *
 * @param interestIncomeAccountId 0 when the repayment had no interest (the template leaves the leg out)
 */
public record LoanRepayment(String voucherNo, long clearingAccountId, long loanAccountId, long interestIncomeAccountId,
                            long principalMinor, long interestMinor, String currency) {

    /**
     * The repayment a posting records, when it is a {@link PostingTemplate#LOAN_REPAY} of the template's shape; empty
     * for any other posting (a caller's custom posting may borrow the type name, not the shape).
     */
    public static Optional<LoanRepayment> of(Posting posting) {
        if (!PostingTemplate.LOAN_REPAY.equals(posting.postingType())) {
            return Optional.empty();
        }
        List<Leg> legs = posting.legs();
        if (legs.size() < 2 || legs.size() > 3 || legs.get(0).side() != Side.DEBIT
                || legs.stream().skip(1).anyMatch(l -> l.side() != Side.CREDIT)) {
            return Optional.empty();
        }
        Leg clearing = legs.get(0);
        Leg loan = legs.get(1);
        Leg interest = legs.size() == 3 ? legs.get(2) : null;
        long interestMinor = interest == null ? 0 : interest.amountMinor();
        if (clearing.amountMinor() != loan.amountMinor() + interestMinor) {
            return Optional.empty();
        }
        return Optional.of(new LoanRepayment(posting.voucherNo(), clearing.accountId(), loan.accountId(),
                interest == null ? 0 : interest.accountId(), loan.amountMinor(), interestMinor, clearing.currency()));
    }
}
