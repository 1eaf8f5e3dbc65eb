package io.creditsuite.account.infrastructure.rpc;

import io.creditsuite.api.ping.AccountPingService;
import io.creditsuite.support.buildinfo.BuildInfoSource;
import io.creditsuite.support.buildinfo.PingProviderSupport;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
public class AccountPingProvider extends PingProviderSupport implements AccountPingService {
    public AccountPingProvider(BuildInfoSource buildInfo) {
        super(buildInfo);
    }
}
