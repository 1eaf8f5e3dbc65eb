package io.creditsuite.account.domain;

/**
 * The parameters of an account's rules: whose it is, which side raises it, its currency and how low its
 * available balance may go. {@link Account} enforces them:
 * <pre>
 *   available &gt;= -overdraftMinor                              (overdraftMinor = 0: never below zero)
 *   floorMinor != null  =&gt;  an outflow leaves available &gt;= floorMinor   (watermark floor 水位)
 *   every leg's currency = currency
 * </pre>
 * Checked where an account is asked for ({@link NewAccount}), not here: rows already stored load as they are.
 */
public record AccountTerms(String ownerId, AccountKind kind, String currency, long overdraftMinor, Long floorMinor) {
}
