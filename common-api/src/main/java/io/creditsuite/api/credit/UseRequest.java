package io.creditsuite.api.credit;

import java.io.Serializable;

/** 使用: confirms {@code amountMinor} of hold {@code holdId}: frozen -> in-transit on every node of its path. */
public record UseRequest(String requestId, String holdId, long amountMinor, String currency) implements Serializable {
}
