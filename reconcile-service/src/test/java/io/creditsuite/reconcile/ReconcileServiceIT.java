package io.creditsuite.reconcile;

import io.creditsuite.api.ping.ReconcilePingService;
import io.creditsuite.support.it.ServiceContractIT;

/** reconcile-service on the real middleware: migrations, health, metrics, Dubbo through ZooKeeper. */
class ReconcileServiceIT extends ServiceContractIT {
    ReconcileServiceIT() {
        super("reconcile-service", ReconcilePingService.class, "mq_consumed", "probe_receipt");
    }
}
