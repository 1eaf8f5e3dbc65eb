package io.creditsuite.gateway.infrastructure.ops;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.FullCheckRunView;
import io.creditsuite.api.reconcile.FullCheckService;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SREs' full checks of BCP on demand (reconcile-service over Dubbo), behind {@code X-Operator-Token}
 * (OperatorTokenFilter): start one for everything, a date or a customer, then poll it. reconcile-service validates
 * the scope and runs one check at a time; its codes come back as problem+json (CS-1000 400, CS-5010 404, CS-5011 409).
 */
@RestController
@RequestMapping("/ops/v1/full-checks")
public class FullCheckOpsController {
    private final FullCheckService fullChecks;

    public FullCheckOpsController(FullCheckService fullChecks) {
        this.fullChecks = fullChecks;
    }

    /** What to check: {@code ALL}, {@code DATE:yyyy-mm-dd} or {@code CUSTOMER:<id>}, and who asks (1..64). */
    public record Start(String scope, String who) {
    }

    /** 202 with the run as it started and its address: the check goes on in the background. */
    @PostMapping
    public ResponseEntity<FullCheckRunView> start(@RequestBody Start start) {
        if (start == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the body must be a JSON object with scope and who");
        }
        FullCheckRunView run = fullChecks.start(start.scope(), start.who());
        return ResponseEntity.accepted().location(URI.create("/ops/v1/full-checks/" + run.runId())).body(run);
    }

    @GetMapping("/{runId}")
    public FullCheckRunView run(@PathVariable long runId) {
        return fullChecks.run(runId);
    }
}
