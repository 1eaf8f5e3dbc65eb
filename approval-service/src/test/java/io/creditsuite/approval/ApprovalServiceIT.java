package io.creditsuite.approval;

import io.creditsuite.api.ping.ApprovalPingService;
import io.creditsuite.support.it.ServiceContractIT;

/** approval-service on the real middleware: migrations, health, metrics, Dubbo through ZooKeeper. */
class ApprovalServiceIT extends ServiceContractIT {
    ApprovalServiceIT() {
        super("approval-service", ApprovalPingService.class, "mq_consumed");
    }
}
