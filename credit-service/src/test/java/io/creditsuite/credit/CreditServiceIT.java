package io.creditsuite.credit;

import io.creditsuite.api.ping.CreditPingService;
import io.creditsuite.api.ping.PingService;
import io.creditsuite.support.it.ServiceContractIT;
import java.util.List;

/** credit-service on the real middleware: migrations, health, metrics, Dubbo through ZooKeeper. */
class CreditServiceIT extends ServiceContractIT {
    @Override
    protected String serviceName() {
        return "credit-service";
    }

    @Override
    protected Class<? extends PingService> pingInterface() {
        return CreditPingService.class;
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("mq_consumed", "tcc_fence_log");
    }
}
