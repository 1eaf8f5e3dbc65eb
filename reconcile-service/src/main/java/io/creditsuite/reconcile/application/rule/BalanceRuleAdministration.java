package io.creditsuite.reconcile.application.rule;

import static io.creditsuite.reconcile.application.rule.RuleInput.require;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.BalanceRuleView;
import io.creditsuite.api.reconcile.PublishBalanceRuleRequest;
import io.creditsuite.reconcile.application.full.PassBalances;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.transaction.annotation.Transactional;

/**
 * The full check's balance rules are data, changed like the pair rules: a published rule is a new version (the
 * highest one is in force from the next full check on, when enabled; no deploy); a version is never edited;
 * disabling is a new, disabled version. Everything is validated before anything is written:
 * <pre>
 *   ruleId ~ F-[A-Z0-9-]{1,40},  pass in PassBalances.passes(),  terms != {},
 *   for every (name, c) in terms:  name in PassBalances.of(pass)  and  c != 0,
 *   toleranceMinor >= 0,  a new version's pass = its rule's pass
 * </pre>
 * and every change is audited ({@code bcp_rule_audit}, the version before and after) in the change's transaction.
 */
public class BalanceRuleAdministration {
    private static final Pattern RULE_ID = Pattern.compile("F-[A-Z0-9-]{1,40}");

    private final BalanceRuleVersions versions;
    private final Clock clock;

    public BalanceRuleAdministration(BalanceRuleVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<BalanceRuleView> rules() {
        return versions.latestOfEach();
    }

    @Transactional
    public BalanceRuleView publish(PublishBalanceRuleRequest r) {
        validate(r);
        BalanceRuleView before = versions.latest(r.ruleId()).orElse(null);
        // the pass is part of what a rule is about: its discrepancies' fingerprints are that pass's subjects
        require(before == null || before.pass().equals(r.pass()), r.ruleId() + " is a rule of pass " + (before == null
                ? "" : before.pass()) + "; a new version keeps its pass (publish another rule id for " + r.pass() + ")");
        BalanceRuleView after = new BalanceRuleView(r.ruleId(), before == null ? 1 : before.version() + 1, r.pass(),
                new TreeMap<>(r.terms()), r.toleranceMinor(), r.severity(), r.ownerTeam(), r.description(), true,
                r.who(), clock.millis());
        versions.insert(after);
        versions.audit("PUBLISH", r.who(), null, before, after);
        return after;
    }

    @Transactional
    public BalanceRuleView disable(String ruleId, String who, String reason) {
        ruleId(ruleId);
        RuleInput.who(who);
        RuleInput.text(reason, "reason");
        BalanceRuleView before = versions.latest(ruleId).orElseThrow(() -> new ApiException(ErrorCode.BCP_RULE_UNKNOWN,
                "no balance rule " + ruleId));
        require(PassBalances.passes().contains(before.pass()), ruleId + " is a rule of pass " + before.pass()
                + ", which is not administrable");
        BalanceRuleView after = new BalanceRuleView(ruleId, before.version() + 1, before.pass(), before.terms(),
                before.toleranceMinor(), before.severity(), before.ownerTeam(), before.description(), false, who,
                clock.millis());
        versions.insert(after);
        versions.audit("DISABLE", who, reason, before, after);
        return after;
    }

    private static void validate(PublishBalanceRuleRequest r) {
        require(r != null, "a rule is required");
        ruleId(r.ruleId());
        require(r.pass() != null && PassBalances.passes().contains(r.pass()), "pass must be one of "
                + PassBalances.passes());
        terms(r.pass(), r.terms());
        require(r.toleranceMinor() >= 0, "toleranceMinor must be >= 0 (minor units), not " + r.toleranceMinor());
        RuleInput.severity(r.severity());
        RuleInput.name(r.ownerTeam(), "ownerTeam", RuleInput.MAX_TEAM);
        RuleInput.who(r.who());
        RuleInput.text(r.description(), "description");
    }

    private static void ruleId(String ruleId) {
        require(ruleId != null && RULE_ID.matcher(ruleId).matches(), "ruleId must be F- and 1..40 of A-Z, 0-9, -");
    }

    private static void terms(String pass, Map<String, Long> terms) {
        Set<String> measured = PassBalances.of(pass);
        require(terms != null && !terms.isEmpty(), "terms must name at least one balance of " + pass + " " + measured
                + " with its coefficient");
        for (Map.Entry<String, Long> term : terms.entrySet()) {
            require(term.getKey() != null && measured.contains(term.getKey()), "term " + printable(term.getKey())
                    + " is not a balance pass " + pass + " measures " + measured);
            require(term.getValue() != null && term.getValue() != 0, "the coefficient of " + term.getKey()
                    + " must be a non-zero whole number");
        }
    }

    /** A refused name is echoed only when it is plainly safe to print (it comes from the caller). */
    private static String printable(String name) {
        return name != null && name.matches("[A-Za-z0-9_]{1,64}") ? "'" + name + "'" : "(a name that is not one)";
    }
}
