package io.creditsuite.gateway.infrastructure.ops;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.DiscrepancyService;
import io.creditsuite.api.reconcile.DiscrepancyView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SREs' view of BCP discrepancies (reconcile-service over Dubbo), behind {@code X-Operator-Token}
 * (OperatorTokenFilter): list and read them, acknowledge, resolve by a corrective booking, accept with a note.
 * reconcile-service validates and audits; its codes come back as problem+json (CS-5001 404, CS-5002 409, ...).
 */
@RestController
@RequestMapping("/ops/v1/discrepancies")
public class DiscrepancyOpsController {
    private final DiscrepancyService discrepancies;

    public DiscrepancyOpsController(DiscrepancyService discrepancies) {
        this.discrepancies = discrepancies;
    }

    /** What an action says: who acts (1..64), and the note or the corrective voucher. */
    public record Action(String who, String note, String voucherNo) {
    }

    @GetMapping
    public List<DiscrepancyView> list(@RequestParam(required = false) String state,
                                      @RequestParam(required = false) String rule,
                                      @RequestParam(defaultValue = "50") int limit) {
        return discrepancies.discrepancies(state, rule, limit);
    }

    @GetMapping("/{id}")
    public DiscrepancyView one(@PathVariable long id) {
        return discrepancies.discrepancy(id);
    }

    @PostMapping("/{id}/acknowledge")
    public DiscrepancyView acknowledge(@PathVariable long id, @RequestBody Action action) {
        return discrepancies.acknowledge(id, required(action).who(), action.note());
    }

    @PostMapping("/{id}/resolve-by-booking")
    public DiscrepancyView resolveByBooking(@PathVariable long id, @RequestBody Action action) {
        return discrepancies.resolveByBooking(id, required(action).who(), action.voucherNo());
    }

    @PostMapping("/{id}/accept")
    public DiscrepancyView accept(@PathVariable long id, @RequestBody Action action) {
        return discrepancies.accept(id, required(action).who(), action.note());
    }

    private static Action required(Action action) {
        if (action == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the body must be a JSON object with who");
        }
        return action;
    }
}
