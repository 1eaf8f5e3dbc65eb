package io.creditsuite.gateway.infrastructure.config;

import io.creditsuite.api.ping.AccountPingService;
import io.creditsuite.api.ping.ApprovalPingService;
import io.creditsuite.api.ping.CreditPingService;
import io.creditsuite.api.ping.ReconcilePingService;
import io.creditsuite.gateway.application.CheckSuiteHealth;
import io.creditsuite.gateway.infrastructure.rpc.DubboServicePinger;
import io.creditsuite.gateway.infrastructure.rpc.SelfPinger;
import io.creditsuite.support.buildinfo.BuildInfoSource;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the gateway's use cases to the services it calls over Dubbo. */
@Configuration(proxyBeanMethods = false)
public class GatewayWiring {
    @DubboReference
    private CreditPingService credit;
    @DubboReference
    private AccountPingService account;
    @DubboReference
    private ApprovalPingService approval;
    @DubboReference
    private ReconcilePingService reconcile;

    @Bean
    CheckSuiteHealth checkSuiteHealth(BuildInfoSource self) {
        return new CheckSuiteHealth(List.of(new SelfPinger(self),
                new DubboServicePinger("credit-service", credit),
                new DubboServicePinger("account-service", account),
                new DubboServicePinger("approval-service", approval),
                new DubboServicePinger("reconcile-service", reconcile)));
    }
}
