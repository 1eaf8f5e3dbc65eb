package io.creditsuite.gateway.infrastructure.ops;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.BalanceRuleService;
import io.creditsuite.api.reconcile.BalanceRuleView;
import io.creditsuite.api.reconcile.BcpRuleService;
import io.creditsuite.api.reconcile.PairRuleView;
import io.creditsuite.api.reconcile.PublishBalanceRuleRequest;
import io.creditsuite.api.reconcile.PublishPairRuleRequest;
import io.creditsuite.gateway.infrastructure.web.partner.StrictJsonBody;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * SREs' BCP rules (reconcile-service over Dubbo), behind {@code X-Operator-Token} (OperatorTokenFilter): list the
 * version in force of each pair rule and balance rule, publish a new version, disable one. The operator named in the
 * body's {@code who} is the one audited. Bodies are read strictly (an unknown field, or a fraction or a string where
 * a whole number is expected, is CS-1000, never rounded or guessed); reconcile-service validates the rule and writes
 * nothing on a refusal: CS-5004 400 malformed, CS-5005 404 unknown rule id.
 */
@RestController
@RequestMapping("/ops/v1/rules")
public class RuleOpsController {
    private final BcpRuleService pairRules;
    private final BalanceRuleService balanceRules;

    public RuleOpsController(BcpRuleService pairRules, BalanceRuleService balanceRules) {
        this.pairRules = pairRules;
        this.balanceRules = balanceRules;
    }

    /** A pair rule's new version, as {@link PublishPairRuleRequest}. */
    public record PairRule(String ruleId, String leftEvent, String rightEvent, String leftKey, String rightKey,
                           String match, int windowSeconds, String severity, String ownerTeam, String description,
                           String who) implements StrictJsonBody {
    }

    /** A balance rule's new version, as {@link PublishBalanceRuleRequest}; {@code toleranceMinor} is required. */
    public record BalanceRule(String ruleId, String pass, Map<String, Long> terms, Long toleranceMinor,
                              String severity, String ownerTeam, String description, String who)
            implements StrictJsonBody {
    }

    /** Who disables the rule (1..64) and why (1..256). */
    public record Disable(String who, String reason) implements StrictJsonBody {
    }

    @GetMapping("/pairs")
    public List<PairRuleView> pairs() {
        return pairRules.rules();
    }

    @PostMapping("/pairs")
    @ResponseStatus(HttpStatus.CREATED)
    public PairRuleView publishPair(@RequestBody PairRule r) {
        required(r, "ruleId, leftEvent, rightEvent, leftKey, rightKey, match, windowSeconds, severity, ownerTeam,"
                + " description and who");
        return pairRules.publish(new PublishPairRuleRequest(r.ruleId(), r.leftEvent(), r.rightEvent(), r.leftKey(),
                r.rightKey(), r.match(), r.windowSeconds(), r.severity(), r.ownerTeam(), r.description(), r.who()));
    }

    @PostMapping("/pairs/{ruleId}/disable")
    public PairRuleView disablePair(@PathVariable String ruleId, @RequestBody Disable d) {
        required(d, "who and reason");
        return pairRules.disable(ruleId, d.who(), d.reason());
    }

    @GetMapping("/balances")
    public List<BalanceRuleView> balances() {
        return balanceRules.balanceRules();
    }

    @PostMapping("/balances")
    @ResponseStatus(HttpStatus.CREATED)
    public BalanceRuleView publishBalance(@RequestBody BalanceRule r) {
        required(r, "ruleId, pass, terms, toleranceMinor, severity, ownerTeam, description and who");
        if (r.toleranceMinor() == null) {
            // a missing tolerance is not a zero one: the operator says which
            throw new ApiException(ErrorCode.BCP_RULE_INVALID, "toleranceMinor is required (minor units, >= 0)");
        }
        return balanceRules.publishBalance(new PublishBalanceRuleRequest(r.ruleId(), r.pass(), r.terms(),
                r.toleranceMinor(), r.severity(), r.ownerTeam(), r.description(), r.who()));
    }

    @PostMapping("/balances/{ruleId}/disable")
    public BalanceRuleView disableBalance(@PathVariable String ruleId, @RequestBody Disable d) {
        required(d, "who and reason");
        return balanceRules.disableBalance(ruleId, d.who(), d.reason());
    }

    private static void required(Object body, String fields) {
        if (body == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the body must be a JSON object with " + fields);
        }
    }
}
