package io.creditsuite.gateway.infrastructure.rpc;

import io.creditsuite.api.ping.GatewayPingService;
import io.creditsuite.support.buildinfo.BuildInfoSource;
import io.creditsuite.support.buildinfo.PingProviderSupport;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
public class GatewayPingProvider extends PingProviderSupport implements GatewayPingService {
    public GatewayPingProvider(BuildInfoSource buildInfo) {
        super(buildInfo);
    }
}
