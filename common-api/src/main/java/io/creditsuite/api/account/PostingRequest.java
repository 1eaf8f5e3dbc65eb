package io.creditsuite.api.account;

import java.io.Serializable;
import java.util.List;

/**
 * A multi-leg posting. {@code voucherNo} (资金凭证号) is the caller's idempotency key: the same
 * voucher with the same body returns the original result, with a different body it is refused
 * (CS-3009).
 *
 * @param postingType a short code of the business case (RECHARGE, WITHDRAW, ...), kept in the journal
 */
public record PostingRequest(String voucherNo, String postingType, List<LegRequest> legs) implements Serializable {
}
