package io.creditsuite.reconcile.infrastructure.rpc;

import io.creditsuite.api.reconcile.DiscrepancyService;
import io.creditsuite.api.reconcile.DiscrepancyView;
import io.creditsuite.reconcile.application.discrepancy.DiscrepancyDesk;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** BCP discrepancies over Dubbo (the gateway's operator endpoints and internal callers). */
@DubboService
public class DiscrepancyProvider implements DiscrepancyService {
    private final DiscrepancyDesk desk;

    public DiscrepancyProvider(DiscrepancyDesk desk) {
        this.desk = desk;
    }

    @Override
    public List<DiscrepancyView> discrepancies(String state, String ruleId, int limit) {
        return desk.discrepancies(state, ruleId, limit);
    }

    @Override
    public DiscrepancyView discrepancy(long id) {
        return desk.discrepancy(id);
    }

    @Override
    public DiscrepancyView acknowledge(long id, String who, String note) {
        return desk.acknowledge(id, who, note);
    }

    @Override
    public DiscrepancyView resolveByBooking(long id, String who, String voucherNo) {
        return desk.resolveByBooking(id, who, voucherNo);
    }

    @Override
    public DiscrepancyView accept(long id, String who, String note) {
        return desk.accept(id, who, note);
    }
}
