package io.creditsuite.credit.domain;

/** A credit customer (授信客户). {@code groupId} (集团) and {@code department} (the bank department managing it) may be null. */
public record CreditCustomer(String customerId, String name, CustomerSource source, String groupId, String department) {
}
