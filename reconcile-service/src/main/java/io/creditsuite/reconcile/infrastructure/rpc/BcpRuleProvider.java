package io.creditsuite.reconcile.infrastructure.rpc;

import io.creditsuite.api.reconcile.BcpRuleService;
import io.creditsuite.api.reconcile.PairRuleView;
import io.creditsuite.api.reconcile.PublishPairRuleRequest;
import io.creditsuite.reconcile.application.rule.BcpRuleAdministration;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** BCP rule administration over Dubbo. */
@DubboService
public class BcpRuleProvider implements BcpRuleService {
    private final BcpRuleAdministration administration;

    public BcpRuleProvider(BcpRuleAdministration administration) {
        this.administration = administration;
    }

    @Override
    public List<PairRuleView> rules() {
        return administration.rules();
    }

    @Override
    public PairRuleView publish(PublishPairRuleRequest request) {
        return administration.publish(request);
    }

    @Override
    public PairRuleView disable(String ruleId, String who, String reason) {
        return administration.disable(ruleId, who, reason);
    }
}
