package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * The two-account cases of the design notes' 记账分录, each a fixed pair of legs:
 * <ul>
 * <li>recharge 充值: DEBIT clearing (asset +), CREDIT customer (liability +)</li>
 * <li>withdraw 提现: DEBIT customer (liability -), CREDIT payout asset (asset -)</li>
 * <li>service fee collect 服务费收款: DEBIT customer (-), CREDIT fee account (+)</li>
 * <li>service fee pay 服务费付款: DEBIT fee account (-), CREDIT customer (+)</li>
 * <li>loan disburse 放款: DEBIT loan receivable (asset +), CREDIT payout asset (asset -)</li>
 * </ul>
 * {@code debitAccountId} and {@code creditAccountId} name the accounts of the two legs in that order.
 */
public record TemplateRequest(String voucherNo, long debitAccountId, long creditAccountId, long amountMinor,
                              String currency) implements Serializable {
}
