package io.creditsuite.account.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed bookings of the design notes' 记账分录 (posting templates): which accounts a business
 * event debits and credits, and with what. The ledger's adapters only name the accounts; the legs
 * are decided here.
 *
 * <p>Guarantees (every template yields a {@link Posting}, so debits = credits per currency):
 * <pre>
 *   two-leg template T(a, d, c):   DEBIT d a,  CREDIT c a                       (a &gt; 0)
 *   loanRepayment(p, i):           DEBIT clearing (p + i)  =  CREDIT loan p + CREDIT interest income i
 *                                  p &gt; 0, i &gt;= 0, p + i computed with Math.addExact (overflow is refused),
 *                                  i = 0  =&gt;  no interest leg
 * </pre>
 */
public enum PostingTemplate {
    /** 充值: DEBIT clearing (asset +), CREDIT customer (liability +). */
    RECHARGE,
    /** 提现: DEBIT customer (liability -), CREDIT payout asset (asset -). */
    WITHDRAW,
    /** 服务费收款: DEBIT customer, CREDIT fee account. */
    SERVICE_FEE_COLLECT,
    /** 服务费付款: DEBIT fee account, CREDIT customer. */
    SERVICE_FEE_PAY,
    /** 放款: DEBIT loan receivable (asset +), CREDIT payout asset (asset -). */
    LOAN_DISBURSE;

    /** The posting type written to the journal for a loan repayment. */
    public static final String LOAN_REPAY = "LOAN_REPAY";

    /** This template's two legs: the debit account first, the credit account second. */
    public Posting post(String voucherNo, long debitAccountId, long creditAccountId, long amountMinor, String currency) {
        return new Posting(voucherNo, name(), List.of(
                new Leg(debitAccountId, Side.DEBIT, amountMinor, currency),
                new Leg(creditAccountId, Side.CREDIT, amountMinor, currency)));
    }

    /**
     * 还款: DEBIT repayment clearing (principal + interest), CREDIT loan receivable (principal), CREDIT
     * interest income (interest, left out when zero).
     */
    public static Posting loanRepayment(String voucherNo, long clearingAccountId, long loanAccountId,
                                        long interestIncomeAccountId, long principalMinor, long interestMinor,
                                        String currency) {
        if (interestMinor < 0) {
            throw new LedgerException(LedgerError.AMOUNT_NOT_POSITIVE,
                    "interest is " + interestMinor + "; it must be >= 0");
        }
        long total;
        try {
            total = Math.addExact(principalMinor, interestMinor);
        } catch (ArithmeticException e) {
            throw new LedgerException(LedgerError.AMOUNT_OVERFLOW, "principal + interest overflows a long");
        }
        List<Leg> legs = new ArrayList<>(3);
        legs.add(new Leg(clearingAccountId, Side.DEBIT, total, currency));
        legs.add(new Leg(loanAccountId, Side.CREDIT, principalMinor, currency));
        if (interestMinor > 0) {
            legs.add(new Leg(interestIncomeAccountId, Side.CREDIT, interestMinor, currency));
        }
        return new Posting(voucherNo, LOAN_REPAY, legs);
    }
}
