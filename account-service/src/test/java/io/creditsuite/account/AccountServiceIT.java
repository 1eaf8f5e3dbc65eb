package io.creditsuite.account;

import io.creditsuite.api.ping.AccountPingService;
import io.creditsuite.api.ping.PingService;
import io.creditsuite.support.it.ServiceContractIT;
import java.util.List;

/** account-service on the real middleware: migrations, health, metrics, Dubbo through ZooKeeper. */
class AccountServiceIT extends ServiceContractIT {
    @Override
    protected String serviceName() {
        return "account-service";
    }

    @Override
    protected Class<? extends PingService> pingInterface() {
        return AccountPingService.class;
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("mq_consumed", "tcc_fence_log");
    }
}
