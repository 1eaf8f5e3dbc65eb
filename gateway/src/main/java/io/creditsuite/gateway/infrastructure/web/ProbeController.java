package io.creditsuite.gateway.infrastructure.web;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.probe.AccountProbeService;
import io.creditsuite.api.probe.CreditProbeService;
import io.creditsuite.api.probe.MqProbeReceipt;
import io.creditsuite.api.probe.MqProbeRequest;
import io.creditsuite.api.probe.MqProbeResult;
import io.creditsuite.api.probe.ReconcileProbeService;
import io.creditsuite.api.probe.TccBranchView;
import io.creditsuite.api.probe.TccProbeRequest;
import io.creditsuite.api.probe.TccProbeResult;
import io.creditsuite.api.probe.TccProbeScenario;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wiring probes over HTTP, for the devstack's smoke demo: a Seata TCC global transaction
 * across credit-service and account-service, and a RocketMQ message from credit-service to
 * reconcile-service. Phase 2 and delivery are asynchronous, so each probe is started with a POST
 * and observed with GETs. Off in production ({@code credit-suite.gateway.probes-enabled}).
 */
@RestController
@RequestMapping("/api/v1/system/probes")
@ConditionalOnProperty(name = "credit-suite.gateway.probes-enabled", havingValue = "true", matchIfMissing = true)
public class ProbeController {
    private static final Pattern PROBE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @DubboReference
    private CreditProbeService credit;
    @DubboReference
    private AccountProbeService account;
    @DubboReference
    private ReconcileProbeService reconcile;

    @PostMapping("/tcc")
    public TccProbeResult startTcc(@RequestBody TccProbeBody body) {
        return credit.runTccProbe(new TccProbeRequest(probeId(body.probeId()), scenario(body.scenario())));
    }

    @GetMapping("/tcc/{probeId}")
    public TccBranches tccBranches(@PathVariable String probeId) {
        String id = probeId(probeId);
        return new TccBranches(credit.tccBranch(id), account.tccBranch(id));
    }

    @PostMapping("/mq")
    public MqProbeResult startMq(@RequestBody MqProbeBody body) {
        return credit.publishMqProbe(new MqProbeRequest(probeId(body.probeId()), body.transactional(),
                body.rollbackLocalTransaction()));
    }

    @GetMapping("/mq/{probeId}")
    public MqProbeReceipt mqReceipt(@PathVariable String probeId) {
        return reconcile.mqProbeReceipt(probeId(probeId));
    }

    /** A caller's id when given (it must be safe to log and store), else a fresh one. */
    private static String probeId(String given) {
        if (given == null) {
            return "probe-" + UUID.randomUUID();
        }
        if (!PROBE_ID.matcher(given).matches()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "probeId must be 1 to 64 characters of A-Z a-z 0-9 . _ -, got '" + given + "'");
        }
        return given;
    }

    private static TccProbeScenario scenario(String given) {
        try {
            return TccProbeScenario.valueOf(given);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "scenario must be one of " + Arrays.toString(TccProbeScenario.values()) + ", got " + given);
        }
    }

    public record TccProbeBody(String probeId, String scenario) {
    }

    public record MqProbeBody(String probeId, boolean transactional, boolean rollbackLocalTransaction) {
    }

    public record TccBranches(TccBranchView credit, TccBranchView account) {
    }
}
