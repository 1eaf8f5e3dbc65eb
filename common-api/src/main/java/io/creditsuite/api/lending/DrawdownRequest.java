package io.creditsuite.api.lending;

import java.io.Serializable;

/**
 * @param productNodeId the product (leaf) node of the line the loan draws on
 * @param payeeAccount  where the money is paid out (the payee's bank account number), recorded on the loan and its
 *                      events; at most 64 characters
 */
public record DrawdownRequest(String requestId, String partnerId, String customerId, String lineId,
                              long productNodeId, long amountMinor, String currency, String payeeAccount)
        implements Serializable {
}
