package io.creditsuite.api.credit;

import java.io.Serializable;

/** A credit customer; {@code groupId} and {@code department} may be null. */
public record RegisterCustomerRequest(String requestId, String customerId, String name, CustomerSource source,
                                      String groupId, String department) implements Serializable {
}
