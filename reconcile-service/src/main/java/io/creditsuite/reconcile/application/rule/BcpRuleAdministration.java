package io.creditsuite.reconcile.application.rule;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.PairRuleView;
import io.creditsuite.api.reconcile.PublishPairRuleRequest;
import io.creditsuite.reconcile.domain.check.RuleEvaluationException;
import io.creditsuite.reconcile.domain.check.RuleExpressions;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rules are data: a published rule is a new version (the highest enabled one is in force for the next event, no
 * deploy); a version is never edited; disabling is a new, disabled version. Everything is validated before anything
 * is written (names, window, severity, every expression compiled in the sandbox), and every change is audited with
 * the version before and after, in the change's transaction.
 */
public class BcpRuleAdministration {
    private static final Pattern RULE_ID = Pattern.compile("R-[A-Z0-9-]{1,40}");
    private static final Pattern EVENT = Pattern.compile("[A-Z][A-Z_]{2,47}");
    /** One event type, or up to four alternatives separated by '|' (PairRule#ANY_OF), 200 characters at most. */
    private static final Pattern EVENTS = Pattern.compile("[A-Z][A-Z_]{2,47}(\\|[A-Z][A-Z_]{2,47}){0,3}");
    private static final int MAX_WINDOW_SECONDS = 86_400;

    private final RuleVersions versions;
    private final RuleExpressions expressions;
    private final Clock clock;

    public BcpRuleAdministration(RuleVersions versions, RuleExpressions expressions, Clock clock) {
        this.versions = versions;
        this.expressions = expressions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PairRuleView> rules() {
        return versions.latestOfEach();
    }

    @Transactional
    public PairRuleView publish(PublishPairRuleRequest r) {
        validate(r);
        PairRuleView before = versions.latest(r.ruleId()).orElse(null);
        PairRuleView after = new PairRuleView(r.ruleId(), before == null ? 1 : before.version() + 1, r.leftEvent(),
                r.rightEvent(), r.leftKey(), r.rightKey(), r.match(), r.windowSeconds(), r.severity(), r.ownerTeam(),
                r.description(), true, r.who(), clock.millis());
        versions.insert(after);
        versions.audit("PUBLISH", r.who(), null, before, after);
        return after;
    }

    @Transactional
    public PairRuleView disable(String ruleId, String who, String reason) {
        require(ruleId != null && RULE_ID.matcher(ruleId).matches(), "ruleId must be R- and 1..40 of A-Z, 0-9, -");
        RuleInput.who(who);
        RuleInput.text(reason, "reason");
        PairRuleView before = versions.latest(ruleId).orElseThrow(() -> new ApiException(ErrorCode.BCP_RULE_UNKNOWN,
                "no rule " + ruleId));
        PairRuleView after = new PairRuleView(ruleId, before.version() + 1, before.leftEvent(), before.rightEvent(),
                before.leftKey(), before.rightKey(), before.match(), before.windowSeconds(), before.severity(),
                before.ownerTeam(), before.description(), false, who, clock.millis());
        versions.insert(after);
        versions.audit("DISABLE", who, reason, before, after);
        return after;
    }

    private void validate(PublishPairRuleRequest r) {
        require(r != null, "a rule is required");
        require(r.ruleId() != null && RULE_ID.matcher(r.ruleId()).matches(), "ruleId must be R- and 1..40 of A-Z, 0-9,"
                + " - (META- rules are the engine's own)");
        require(r.leftEvent() != null && EVENT.matcher(r.leftEvent()).matches()
                && r.rightEvent() != null && EVENTS.matcher(r.rightEvent()).matches(), "leftEvent must be an event type"
                + " such as LOAN_REPAID, rightEvent one or up to four separated by | such as CREDIT_HOLD_USED|CREDIT_HOLD_RELEASED");
        require(r.windowSeconds() >= 1 && r.windowSeconds() <= MAX_WINDOW_SECONDS, "windowSeconds must be 1.."
                + MAX_WINDOW_SECONDS);
        RuleInput.severity(r.severity());
        RuleInput.name(r.ownerTeam(), "ownerTeam", RuleInput.MAX_TEAM);
        RuleInput.who(r.who());
        RuleInput.text(r.description(), "description");
        expression(r.leftKey(), "leftKey", 512);
        expression(r.rightKey(), "rightKey", 512);
        expression(r.match(), "match", 2000);
    }

    private void expression(String text, String name, int max) {
        require(text != null && !text.isBlank() && text.length() <= max, name + " must be 1.." + max + " characters");
        try {
            expressions.check(text);
        } catch (RuleEvaluationException e) {
            throw new ApiException(ErrorCode.BCP_RULE_INVALID, name + ": " + e.getMessage());
        }
    }

    private static void require(boolean ok, String detail) {
        RuleInput.require(ok, detail);
    }
}
