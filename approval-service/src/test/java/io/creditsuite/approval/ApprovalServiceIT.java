package io.creditsuite.approval;

import io.creditsuite.api.ping.ApprovalPingService;
import io.creditsuite.api.ping.PingService;
import io.creditsuite.support.it.ServiceContractIT;
import java.util.List;

/** approval-service on the real middleware: migrations, health, metrics, Dubbo through ZooKeeper. */
class ApprovalServiceIT extends ServiceContractIT {
    @Override
    protected String serviceName() {
        return "approval-service";
    }

    @Override
    protected Class<? extends PingService> pingInterface() {
        return ApprovalPingService.class;
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("mq_consumed");
    }
}
