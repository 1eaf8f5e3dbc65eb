package io.creditsuite.reconcile.application.full;

import io.creditsuite.reconcile.domain.check.BalanceRule;
import java.util.List;

/** The balance rules in force ({@code bcp_balance_rule}: of each rule id the highest version, when enabled). */
public interface BalanceRules {
    List<BalanceRule> inForce(String pass);
}
