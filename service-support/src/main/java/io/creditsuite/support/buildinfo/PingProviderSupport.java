package io.creditsuite.support.buildinfo;

import io.creditsuite.api.ping.BuildInfo;
import io.creditsuite.api.ping.PingService;

/** Base of each service's Dubbo ping provider, which adds only its own interface and {@code @DubboService}. */
public abstract class PingProviderSupport implements PingService {
    private final BuildInfoSource buildInfo;

    protected PingProviderSupport(BuildInfoSource buildInfo) {
        this.buildInfo = buildInfo;
    }

    @Override
    public BuildInfo ping() {
        return buildInfo.current();
    }
}
