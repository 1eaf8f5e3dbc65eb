package io.creditsuite.reconcile.domain.check;

import java.util.Objects;

/**
 * A full check's rule (rules are data, {@code bcp_balance_rule}): a {@link BalanceEquation} evaluated by one pass on
 * every subject it measures (a customer, a limit node, an account's day, a currency's day).
 * <pre>
 *   subject passes  &lt;=&gt;  for every aspect a of the subject:  |&Sigma; coefficient<sub>t</sub> &times; a.balance<sub>t</sub>| &lt;= tolerance
 * </pre>
 * An aspect is one comparison of the subject (a limit node has one per balance field; most subjects have one).
 */
public record BalanceRule(String ruleId, int version, String pass, BalanceEquation equation, String severity,
                          String ownerTeam, String description) {
    public BalanceRule {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(equation, "equation");
    }
}
