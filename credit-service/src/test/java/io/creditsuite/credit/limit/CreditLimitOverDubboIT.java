package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.credit.AuditEntryView;
import io.creditsuite.api.credit.CreditLimitService;
import io.creditsuite.api.credit.CreditMaintenanceService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.MaintenanceOutcome;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.credit.NodeScope;
import io.creditsuite.api.credit.NodeTreeQuery;
import io.creditsuite.api.credit.RenewTermRequest;
import io.creditsuite.api.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.apache.dubbo.config.ReferenceConfig;
import org.junit.jupiter.api.Test;

/** The credit API through ZooKeeper and the network (Hessian2, strict serialize check): results and ApiException arrive intact. */
class CreditLimitOverDubboIT extends CreditLimitITSupport {

    @Test
    void a_use_its_refusal_and_the_node_tree_cross_the_network_intact() {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        GrantLineResult guarantee = guarantee(upstream, 100);
        GrantLineResult line = vendorLine(upstream, customer(CustomerSource.DEALER, null, null), root(guarantee), 100, true);
        ReferenceConfig<CreditLimitService> reference = remoteReference(CreditLimitService.class);
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
                    "USD")))).isEqualTo(ErrorCode.CREDIT_CURRENCY_MISMATCH);
            List<LimitNodeView> tree = remote.nodeTree(new NodeTreeQuery(NodeScope.LINE, line.lineId()));
            assertThat(tree).hasSize(3).allSatisfy(n -> assertThat(n.availableMinor()).isEqualTo(40));
        } finally {
            reference.destroy();
        }
    }

    @Test
    void a_term_renewal_and_its_refusal_cross_the_network_intact() {
        String upstream = customer(CustomerSource.ENTERPRISE, null, null);
        GrantLineResult guarantee = guarantee(upstream, 100);
        ReferenceConfig<CreditMaintenanceService> reference = remoteReference(CreditMaintenanceService.class);
        try {
            CreditMaintenanceService remote = reference.get();
            long termEnd = System.currentTimeMillis() + Duration.ofDays(400).toMillis();
            RenewTermRequest renew = new RenewTermRequest(id("r"), "maker-1", "annual review", guarantee.lineId(), termEnd);
            // the provider list arrives asynchronously after the reference is made; a retry keeps its request id
            MaintenanceResult renewed = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> remote.renewTerm(renew), r -> r.outcome() == MaintenanceOutcome.APPLIED);

            assertThat(renewed.requestId()).isEqualTo(renew.requestId());
            assertThat(codeOf(() -> remote.renewTerm(new RenewTermRequest(id("r"), "maker-1", "shorter",
                    guarantee.lineId(), termEnd - 1)))).isEqualTo(ErrorCode.TERM_END_INVALID);
            assertThat(remote.auditLog(guarantee.lineId())).extracting(AuditEntryView::action).endsWith("RENEW_TERM");
        } finally {
            reference.destroy();
        }
    }
}
