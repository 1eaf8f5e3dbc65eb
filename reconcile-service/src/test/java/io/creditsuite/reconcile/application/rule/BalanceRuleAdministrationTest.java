package io.creditsuite.reconcile.application.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.BalanceRuleView;
import io.creditsuite.api.reconcile.PublishBalanceRuleRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Balance rule changes on an in-memory store: what is refused names what is wrong and writes nothing. */
class BalanceRuleAdministrationTest {
    private final InMemoryVersions versions = new InMemoryVersions();
    private final BalanceRuleAdministration administration = new BalanceRuleAdministration(versions,
            Clock.fixed(Instant.parse("2026-12-04T01:00:00Z"), ZoneOffset.UTC));

    private static PublishBalanceRuleRequest replay(long toleranceMinor) {
        return new PublishBalanceRuleRequest("F-NODE-REPLAY", "LIMIT_NODES", Map.of("stored", 1L, "replayed", -1L),
                toleranceMinor, "critical", "credit", "stored = replayed", "sre-li");
    }

    @Test
    void a_published_rule_is_the_next_version_and_audited_with_the_version_before() {
        BalanceRuleView v1 = administration.publish(replay(0));
        BalanceRuleView v2 = administration.publish(replay(5));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.toleranceMinor()).isEqualTo(5);
        assertThat(v2.enabled()).isTrue();
        assertThat(v2.createdBy()).isEqualTo("sre-li");
        assertThat(versions.rows).containsExactly(v1, v2);
        assertThat(versions.audits).containsExactly("PUBLISH F-NODE-REPLAY null->1 by sre-li (null)",
                "PUBLISH F-NODE-REPLAY 1->2 by sre-li (null)");
        assertThat(administration.rules()).containsExactly(v2);
    }

    @Test
    void a_disabled_rule_is_a_new_disabled_version_keeping_its_equation_and_audited_with_the_reason() {
        administration.publish(replay(3));
        BalanceRuleView disabled = administration.disable("F-NODE-REPLAY", "sre-wang", "replaced by F-NODE-REPLAY-2");
        assertThat(disabled.version()).isEqualTo(2);
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.terms()).isEqualTo(Map.of("stored", 1L, "replayed", -1L));
        assertThat(disabled.toleranceMinor()).isEqualTo(3);
        assertThat(versions.audits).last().isEqualTo("DISABLE F-NODE-REPLAY 1->2 by sre-wang (replaced by"
                + " F-NODE-REPLAY-2)");
    }

    @Test
    void every_malformed_rule_is_refused_naming_what_is_wrong_and_nothing_is_written() {
        Map<UnaryOperator<PublishBalanceRuleRequest>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(r -> null, "a rule is required");
        cases.put(r -> with(r, "R-NODE", r.pass(), r.terms(), r.toleranceMinor()), "ruleId must be F-");
        cases.put(r -> with(r, "F-", r.pass(), r.terms(), r.toleranceMinor()), "ruleId must be F-");
        cases.put(r -> with(r, "F-node", r.pass(), r.terms(), r.toleranceMinor()), "ruleId must be F-");
        cases.put(r -> with(r, "F-" + "X".repeat(41), r.pass(), r.terms(), r.toleranceMinor()), "ruleId must be F-");
        cases.put(r -> with(r, r.ruleId(), null, r.terms(), r.toleranceMinor()), "pass must be one of [LEDGER_TOTALS,"
                + " END_OF_DAY, LIMIT_NODES, CUSTOMERS]");
        cases.put(r -> with(r, r.ruleId(), "CHAINS", Map.of("brokenEntries", 1L), 0), "pass must be one of");
        cases.put(r -> with(r, r.ruleId(), r.pass(), null, 0), "terms must name at least one balance of LIMIT_NODES"
                + " [replayed, stored]");
        cases.put(r -> with(r, r.ruleId(), r.pass(), Map.of(), 0), "terms must name at least one balance");
        cases.put(r -> with(r, r.ruleId(), r.pass(), Map.of("stored", 1L, "debits", -1L), 0), "term 'debits' is not"
                + " a balance pass LIMIT_NODES measures [replayed, stored]");
        cases.put(r -> with(r, r.ruleId(), "LEDGER_TOTALS", Map.of("debits", 1L, "credit", -1L), 0), "term 'credit'"
                + " is not a balance pass LEDGER_TOTALS measures [credits, debits]");
        cases.put(r -> with(r, r.ruleId(), r.pass(), Map.of("stored", 1L, "replayed", 0L), 0), "the coefficient of"
                + " replayed must be a non-zero whole number");
        Map<String, Long> nullCoefficient = new HashMap<>();
        nullCoefficient.put("stored", null);
        cases.put(r -> with(r, r.ruleId(), r.pass(), nullCoefficient, 0), "the coefficient of stored must be");
        Map<String, Long> nullName = new HashMap<>();
        nullName.put(null, 1L);
        cases.put(r -> with(r, r.ruleId(), r.pass(), nullName, 0), "term (a name that is not one) is not a balance");
        cases.put(r -> with(r, r.ruleId(), r.pass(), Map.of("stored'; DROP TABLE x", 1L), 0), "term (a name that is"
                + " not one)");
        cases.put(r -> with(r, r.ruleId(), r.pass(), r.terms(), -1), "toleranceMinor must be >= 0 (minor units), not"
                + " -1");
        cases.put(r -> new PublishBalanceRuleRequest(r.ruleId(), r.pass(), r.terms(), 0, "fatal", r.ownerTeam(),
                r.description(), r.who()), "severity must be critical, warning or info");
        cases.put(r -> new PublishBalanceRuleRequest(r.ruleId(), r.pass(), r.terms(), 0, r.severity(), "x".repeat(49),
                r.description(), r.who()), "ownerTeam must be 1..48");
        cases.put(r -> new PublishBalanceRuleRequest(r.ruleId(), r.pass(), r.terms(), 0, r.severity(), r.ownerTeam(),
                " ", r.who()), "a description (1..256 characters)");
        cases.put(r -> new PublishBalanceRuleRequest(r.ruleId(), r.pass(), r.terms(), 0, r.severity(), r.ownerTeam(),
                r.description(), "sre li"), "who must be 1..64");
        cases.forEach((change, detail) -> assertRefused(() -> administration.publish(change.apply(replay(0))),
                ErrorCode.BCP_RULE_INVALID, detail));
        assertThat(versions.rows).isEmpty();
        assertThat(versions.audits).isEmpty();
    }

    @Test
    void a_new_version_keeps_its_rules_pass_and_a_refused_one_writes_nothing() {
        administration.publish(replay(0));
        assertRefused(() -> administration.publish(with(replay(0), "F-NODE-REPLAY", "LEDGER_TOTALS",
                Map.of("debits", 1L, "credits", -1L), 0)), ErrorCode.BCP_RULE_INVALID, "F-NODE-REPLAY is a rule of"
                + " pass LIMIT_NODES; a new version keeps its pass");
        assertThat(versions.rows).hasSize(1);
        assertThat(versions.audits).hasSize(1);
    }

    @Test
    void a_refused_disable_names_what_is_wrong_and_writes_nothing() {
        administration.publish(replay(0));
        versions.rows.add(new BalanceRuleView("F-CHAIN-INTACT", 1, "CHAINS", Map.of("brokenEntries", 1L), 0,
                "critical", "ledger", "chains", true, "flyway", 0));
        assertRefused(() -> administration.disable("F-NEVER", "sre-li", "why"), ErrorCode.BCP_RULE_UNKNOWN,
                "no balance rule F-NEVER");
        assertRefused(() -> administration.disable("R-DRAWDOWN-LEDGER", "sre-li", "why"), ErrorCode.BCP_RULE_INVALID,
                "ruleId must be F-");
        assertRefused(() -> administration.disable("F-NODE-REPLAY", null, "why"), ErrorCode.BCP_RULE_INVALID,
                "who must be");
        assertRefused(() -> administration.disable("F-NODE-REPLAY", "sre-li", ""), ErrorCode.BCP_RULE_INVALID,
                "a reason (1..256 characters)");
        assertRefused(() -> administration.disable("F-NODE-REPLAY", "sre-li", "x".repeat(257)),
                ErrorCode.BCP_RULE_INVALID, "a reason");
        assertRefused(() -> administration.disable("F-CHAIN-INTACT", "sre-li", "why"), ErrorCode.BCP_RULE_INVALID,
                "F-CHAIN-INTACT is a rule of pass CHAINS, which is not administrable");
        assertThat(versions.rows).hasSize(2);
        assertThat(versions.audits).hasSize(1);
    }

    private static PublishBalanceRuleRequest with(PublishBalanceRuleRequest r, String ruleId, String pass,
                                                  Map<String, Long> terms, long toleranceMinor) {
        return new PublishBalanceRuleRequest(ruleId, pass, terms, toleranceMinor, r.severity(), r.ownerTeam(),
                r.description(), r.who());
    }

    private static void assertRefused(Runnable call, ErrorCode code, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.detail()).contains(detail);
        });
    }

    /** Rows in insertion order; the audit as {@code ACTION rule before->after by who (reason)}. */
    private static final class InMemoryVersions implements BalanceRuleVersions {
        final List<BalanceRuleView> rows = new ArrayList<>();
        final List<String> audits = new ArrayList<>();

        @Override
        public Optional<BalanceRuleView> latest(String ruleId) {
            return rows.stream().filter(v -> v.ruleId().equals(ruleId)).max(Comparator.comparingInt(
                    BalanceRuleView::version));
        }

        @Override
        public List<BalanceRuleView> latestOfEach() {
            return rows.stream().map(BalanceRuleView::ruleId).distinct().sorted().map(id -> latest(id).orElseThrow())
                    .toList();
        }

        @Override
        public void insert(BalanceRuleView version) {
            rows.add(version);
        }

        @Override
        public void audit(String action, String who, String reason, BalanceRuleView before, BalanceRuleView after) {
            audits.add(action + " " + after.ruleId() + " " + (before == null ? "null" : before.version()) + "->"
                    + after.version() + " by " + who + " (" + reason + ")");
        }
    }
}
