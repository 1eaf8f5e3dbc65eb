package io.creditsuite.reconcile;

import io.creditsuite.api.ping.ReconcilePingService;
import io.creditsuite.api.ping.PingService;
import io.creditsuite.support.it.ServiceContractIT;
import java.util.List;

/** reconcile-service on the real middleware: migrations, health, metrics, Dubbo through ZooKeeper. */
class ReconcileServiceIT extends ServiceContractIT {
    @Override
    protected String serviceName() {
        return "reconcile-service";
    }

    @Override
    protected Class<? extends PingService> pingInterface() {
        return ReconcilePingService.class;
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("mq_consumed");
    }
}
