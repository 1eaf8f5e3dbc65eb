package io.creditsuite.reconcile.infrastructure.rpc;

import io.creditsuite.api.ping.ReconcilePingService;
import io.creditsuite.support.buildinfo.BuildInfoSource;
import io.creditsuite.support.buildinfo.PingProviderSupport;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
public class ReconcilePingProvider extends PingProviderSupport implements ReconcilePingService {
    public ReconcilePingProvider(BuildInfoSource buildInfo) {
        super(buildInfo);
    }
}
