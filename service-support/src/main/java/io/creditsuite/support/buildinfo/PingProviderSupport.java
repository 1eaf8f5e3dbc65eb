package io.creditsuite.support.buildinfo;

import io.creditsuite.api.ping.BuildInfo;
import io.creditsuite.api.ping.PingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Base of each service's Dubbo ping provider, which adds only its own interface and {@code @DubboService}. */
public abstract class PingProviderSupport implements PingService {
    private static final Logger log = LoggerFactory.getLogger(PingProviderSupport.class);
    private final BuildInfoSource buildInfo;

    protected PingProviderSupport(BuildInfoSource buildInfo) {
        this.buildInfo = buildInfo;
    }

    @Override
    public BuildInfo ping() {
        // one line per ping: with the request id in the pattern, it shows a call's path through the suite
        log.info("ping answered");
        return buildInfo.current();
    }
}
