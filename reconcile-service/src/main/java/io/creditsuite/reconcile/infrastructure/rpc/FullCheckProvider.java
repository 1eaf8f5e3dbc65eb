package io.creditsuite.reconcile.infrastructure.rpc;

import io.creditsuite.api.reconcile.FullCheckRunView;
import io.creditsuite.api.reconcile.FullCheckService;
import io.creditsuite.reconcile.application.full.FullCheckDesk;
import org.apache.dubbo.config.annotation.DubboService;

/** BCP's full check on demand over Dubbo (the gateway's operator endpoints and internal callers). */
@DubboService
public class FullCheckProvider implements FullCheckService {
    private final FullCheckDesk desk;

    public FullCheckProvider(FullCheckDesk desk) {
        this.desk = desk;
    }

    @Override
    public FullCheckRunView start(String scope, String who) {
        return desk.start(scope, who);
    }

    @Override
    public FullCheckRunView run(long runId) {
        return desk.run(runId);
    }
}
