package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.ping.CreditPingService;
import io.creditsuite.support.buildinfo.BuildInfoSource;
import io.creditsuite.support.buildinfo.PingProviderSupport;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
public class CreditPingProvider extends PingProviderSupport implements CreditPingService {
    public CreditPingProvider(BuildInfoSource buildInfo) {
        super(buildInfo);
    }
}
