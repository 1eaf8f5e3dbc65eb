package io.creditsuite.approval.infrastructure.rpc;

import io.creditsuite.api.ping.ApprovalPingService;
import io.creditsuite.support.buildinfo.BuildInfoSource;
import io.creditsuite.support.buildinfo.PingProviderSupport;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
public class ApprovalPingProvider extends PingProviderSupport implements ApprovalPingService {
    public ApprovalPingProvider(BuildInfoSource buildInfo) {
        super(buildInfo);
    }
}
