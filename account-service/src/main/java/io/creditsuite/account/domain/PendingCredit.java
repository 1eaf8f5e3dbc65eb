package io.creditsuite.account.domain;

/**
 * A balance-raising leg on a summary-posted account (ADD_FREQUENT, BOTH), waiting for the
 * aggregator. It holds money for the account but is not in its chain yet: its balance before and
 * after are fixed when it is folded, in the order of {@code id}.
 *
 * <p>Guarantee: {@code balance + sum(pending amounts) = the balance once the aggregator drains}.
 */
public record PendingCredit(Long id, long accountId, Side side, long amountMinor, String currency, EntryOrigin origin) {
}
