package io.creditsuite.api.credit;

import java.io.Serializable;

/** 归还: a repayment of {@code amountMinor} of hold {@code holdId}; restores available only on revolving nodes. */
public record ReturnRequest(String requestId, String holdId, long amountMinor, String currency)
        implements Serializable {
}
