package io.creditsuite.gateway.infrastructure.rpc;

import io.creditsuite.api.ping.BuildInfo;
import io.creditsuite.gateway.domain.health.ServiceCheck;
import io.creditsuite.gateway.domain.health.ServicePinger;
import io.creditsuite.support.buildinfo.BuildInfoSource;

/** The gateway's own entry in the suite's health: it is up if it is answering. */
public class SelfPinger implements ServicePinger {
    private final BuildInfoSource self;

    public SelfPinger(BuildInfoSource self) {
        this.self = self;
    }

    @Override
    public String service() {
        return self.current().service();
    }

    @Override
    public ServiceCheck ping() {
        BuildInfo info = self.current();
        return new ServiceCheck(info.service(), true, 0, info.version() + " (" + info.gitCommit() + ")");
    }
}
