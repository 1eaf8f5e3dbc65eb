package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.credit.CreditLimitService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.NodeScope;
import io.creditsuite.api.credit.NodeTreeQuery;
import io.creditsuite.api.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The credit API through ZooKeeper and the network (Hessian2, strict serialize check): results and ApiException arrive intact. */
class CreditLimitOverDubboIT extends CreditLimitITSupport {
    @Autowired
    ModuleModel dubboModule;

    @Test
    void a_use_its_refusal_and_the_node_tree_cross_the_network_intact() {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        GrantLineResult guarantee = guarantee(upstream, 100);
        GrantLineResult line = vendorLine(upstream, customer(CustomerSource.DEALER, null, null), root(guarantee), 100, true);
        ReferenceConfig<CreditLimitService> reference = new ReferenceConfig<>(dubboModule);
        reference.setInterface(CreditLimitService.class);
        reference.setScope("remote");
        reference.setCheck(false);
        try {
            CreditLimitService remote = reference.get();
            // the provider list arrives asynchronously after the reference is made; a retry keeps its request id
            DirectUseRequest use = new DirectUseRequest(id("r"), line.lineId(), product(line), 5, 60, CNY);
            LimitOperationResult used = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> remote.useDirect(use),
                    r -> r.outcome() == LimitOutcome.ACCEPTED);

            assertThat(used.flowSeq()).isPositive();
            assertThat(remote.useDirect(new DirectUseRequest(id("r"), line.lineId(), product(line), 0, 41, CNY)).outcome())
                    .isEqualTo(LimitOutcome.LIMIT_INSUFFICIENT);
            assertThat(codeOf(() -> remote.useDirect(new DirectUseRequest(id("r"), line.lineId(), product(line), 0, 1,
                    "USD")))).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
            List<LimitNodeView> tree = remote.nodeTree(new NodeTreeQuery(NodeScope.LINE, line.lineId()));
            assertThat(tree).hasSize(3).allSatisfy(n -> assertThat(n.availableMinor()).isEqualTo(40));
        } finally {
            reference.destroy();
        }
    }
}
