package io.creditsuite.api.account;

import java.io.Serializable;

/** Reverse (蓝抵) every leg of the posting {@code voucherNo}, once, by new offsetting entries. */
public record ReversalRequest(String voucherNo, String reason) implements Serializable {
}
