package io.creditsuite.reconcile.infrastructure.rpc;

import io.creditsuite.api.reconcile.BalanceRuleService;
import io.creditsuite.api.reconcile.BalanceRuleView;
import io.creditsuite.api.reconcile.PublishBalanceRuleRequest;
import io.creditsuite.reconcile.application.rule.BalanceRuleAdministration;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** The full check's balance rule administration over Dubbo. */
@DubboService
public class BalanceRuleProvider implements BalanceRuleService {
    private final BalanceRuleAdministration administration;

    public BalanceRuleProvider(BalanceRuleAdministration administration) {
        this.administration = administration;
    }

    @Override
    public List<BalanceRuleView> balanceRules() {
        return administration.rules();
    }

    @Override
    public BalanceRuleView publishBalance(PublishBalanceRuleRequest request) {
        return administration.publish(request);
    }

    @Override
    public BalanceRuleView disableBalance(String ruleId, String who, String reason) {
        return administration.disable(ruleId, who, reason);
    }
}
