package io.creditsuite.api.credit;

import java.io.Serializable;

/** 放款: {@code amountMinor} of hold {@code holdId} goes from in-transit to in-use. */
public record DisburseRequest(String requestId, String holdId, long amountMinor, String currency)
        implements Serializable {
}
