package io.creditsuite.reconcile.application.full;

import java.util.List;
import java.util.Map;

/** What the full check reads of credit-service's database (a read replica in production). */
public interface CreditSource {
    /** A limit node's stored balances and the sum of its flow entries, field by field (fixed, temporary, ...). */
    record NodeBalances(long nodeId, String lineId, Map<String, Long> stored, Map<String, Long> replayed, long entries) {
    }

    /**
     * One customer as credit-service has it.
     *
     * @param loanAccountId   the ledger's loan account of a lending customer, else null
     * @param loanPrincipal   sum of (amount - repaid principal) of its disbursing, active and repaid loans
     * @param creditUsed      sum of (in transit + in use) of those loans' holds
     * @param leafFrozen      frozen on the leaf nodes of the lines it holds
     * @param holdsFrozen     frozen of the holds on those lines
     * @param inFlight        loans disbursing and repayments pending: the two services may not agree yet
     * @param loanIds         its loans' ids, comma-separated (for the people resolving a discrepancy)
     */
    record CustomerBalances(String customerId, Long loanAccountId, long loanPrincipal, long creditUsed,
                            long leafFrozen, long holdsFrozen, long inFlight, String loanIds) {
    }

    long maxNodeId();

    List<NodeBalances> nodes(long afterId, long upToId);

    /** Up to {@code limit} customers after {@code afterId} in id order. */
    List<CustomerBalances> customers(String afterId, int limit);

    List<CustomerBalances> customer(String customerId);
}
