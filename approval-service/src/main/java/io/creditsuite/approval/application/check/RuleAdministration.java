package io.creditsuite.approval.application.check;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.domain.audit.AuditTrail;
import io.creditsuite.approval.domain.check.BlacklistEntry;
import io.creditsuite.approval.domain.check.CheckAdminStore;
import io.creditsuite.approval.domain.check.CheckRun;
import io.creditsuite.approval.domain.check.CheckSubject;
import io.creditsuite.approval.domain.check.ExpressionEngine;
import io.creditsuite.approval.domain.check.IdentityNumbers;
import io.creditsuite.approval.domain.check.NameNormalizer;
import io.creditsuite.approval.domain.check.RiskRule;
import io.creditsuite.approval.domain.check.RuleSet;
import io.creditsuite.approval.domain.check.Scorecard;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffRole;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a rule admin changes, each change audited with its before and after: a new rule set or scorecard version
 * (published ACTIVE, superseding the one in force; a version is never edited: its id again is VERSION_IN_USE; every
 * expression must compile in the sandbox and answer true or false, else RULE_EXPRESSION_INVALID and nothing is
 * written), and blacklist entries. The checks read the ACTIVE versions at each application, so a change applies to
 * the next one without a restart.
 */
public class RuleAdministration {
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int MAX_RULES = 500;
    /** A person and an organisation: every published predicate must answer both with true or false. */
    private static final List<CheckSubject> SAMPLES = List.of(
            new CheckSubject("sample", "Sample Person", "ID_CARD", "110101199003070011", "13800138000", 30, "RETAIL",
                    1_000_000_00L, "/CN/EAST", "DEALER", "CNY", 100_000_00L, 12, 0L),
            new CheckSubject("sample", "Sample Co", "USCC", "91350100M000100Y43", null, null, null, 0L, "/CN",
                    "CONSUMER", "CNY", 1L, 360, 5_000_000_00L));

    private final CheckAdminStore store;
    private final ExpressionEngine engine;
    private final AuditTrail audit;

    public RuleAdministration(CheckAdminStore store, ExpressionEngine engine, AuditTrail audit) {
        this.store = store;
        this.engine = engine;
        this.audit = audit;
    }

    @Transactional
    public void publishRuleSet(Staff admin, RuleSet ruleSet) {
        requireAdmin(admin);
        if (ruleSet == null || ruleSet.rules().isEmpty() || ruleSet.rules().size() > MAX_RULES) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a rule set needs 1.." + MAX_RULES + " rules");
        }
        requireNewVersion(ruleSet.version(), store.ruleSetExists(ruleSet.version()));
        Set<String> codes = new HashSet<>();
        for (RiskRule rule : ruleSet.rules()) {
            if (rule.code() == null || !VERSION.matcher(rule.code()).matches() || !codes.add(rule.code())
                    || rule.outcome() == null || rule.description() == null || rule.description().isBlank()) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "every rule needs a unique code (letters, digits,"
                        + " ._-), a description and an outcome: " + rule.code());
            }
        }
        CheckRun.CompiledRules compiled = compiled(() -> CheckRun.compile(ruleSet, engine));
        tryOnSamples(() -> SAMPLES.forEach(s -> compiled.predicates().forEach(p -> p.test(CheckRun.facts(s)))));
        String superseded = store.activateRuleSet(ruleSet, admin.username()).orElse(null);
        audit.record(admin.username(), "RULE_SET", ruleSet.version(), "PUBLISH", superseded, ruleSet);
    }

    @Transactional
    public void publishScorecard(Staff admin, Scorecard scorecard) {
        requireAdmin(admin);
        if (scorecard == null || scorecard.characteristics().isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a scorecard needs at least one characteristic");
        }
        requireNewVersion(scorecard.version(), store.scorecardExists(scorecard.version()));
        CheckRun.CompiledScorecard compiled = compiled(() -> CheckRun.compile(scorecard, engine));
        tryOnSamples(() -> SAMPLES.forEach(s -> compiled.binPredicates().forEach(bins -> bins.forEach(
                p -> p.test(CheckRun.facts(s))))));
        String superseded = store.activateScorecard(scorecard, admin.username()).orElse(null);
        audit.record(admin.username(), "SCORECARD", scorecard.version(), "PUBLISH", superseded, scorecard);
    }

    /** @return the new entry's id */
    @Transactional
    public String addBlacklistEntry(Staff admin, String kind, String value, String reason) {
        requireAdmin(admin);
        if (reason == null || reason.isBlank() || reason.length() > 256) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a blacklist entry needs a reason (1..256 characters)");
        }
        String stored = switch (kind == null ? "" : kind) {
            case "ID_CARD" -> requireValid(IdentityNumbers.isValidIdCard(value), value, kind);
            case "USCC" -> requireValid(IdentityNumbers.isValidUscc(value), value, kind);
            case "PHONE" -> requireValid(IdentityNumbers.isValidPhone(value), value, kind);
            case "NAME" -> {
                String normalized = NameNormalizer.normalize(value);
                if (normalized.isEmpty() || normalized.length() > 128) {
                    throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a name entry needs 1..128 letters or digits");
                }
                yield normalized;
            }
            default -> throw new ApiException(ErrorCode.INVALID_ARGUMENT, "kind must be ID_CARD, USCC, PHONE or NAME");
        };
        BlacklistEntry entry = new BlacklistEntry("BL-" + UUID.randomUUID().toString().substring(0, 8), kind, stored,
                reason);
        store.addBlacklistEntry(entry, admin.username());
        audit.record(admin.username(), "BLACKLIST_ENTRY", entry.entryId(), "ADD", null, entry);
        return entry.entryId();
    }

    @Transactional
    public void deactivateBlacklistEntry(Staff admin, String entryId, String reason) {
        requireAdmin(admin);
        if (reason == null || reason.isBlank() || reason.length() > 256) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a deactivation needs a reason (1..256 characters)");
        }
        BlacklistEntry entry = store.activeBlacklistEntry(entryId).orElseThrow(() -> new ApiException(
                ErrorCode.BLACKLIST_ENTRY_UNKNOWN, "no active blacklist entry " + entryId));
        store.deactivateBlacklistEntry(entryId);
        audit.record(admin.username(), "BLACKLIST_ENTRY", entryId, "DEACTIVATE", entry,
                java.util.Map.of("active", false, "reason", reason));
    }

    private static void requireAdmin(Staff admin) {
        if (admin == null || !admin.has(StaffRole.RULE_ADMIN)) {
            throw new ApiException(ErrorCode.REVIEW_ROLE_MISSING, "only a RULE_ADMIN changes rules and lists");
        }
    }

    private static void requireNewVersion(String version, boolean exists) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a version id is 1..32 letters, digits or ._-");
        }
        if (exists) {
            throw new ApiException(ErrorCode.VERSION_IN_USE, "version " + version + " exists; publish a new version");
        }
    }

    private static String requireValid(boolean valid, String value, String kind) {
        if (!valid) {
            throw new ApiException(ErrorCode.IDENTITY_NUMBER_INVALID, "not a valid " + kind + ": " + value);
        }
        return value;
    }

    private static <T> T compiled(java.util.function.Supplier<T> compile) {
        try {
            return compile.get();
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.RULE_EXPRESSION_INVALID, e.getMessage());
        }
    }

    private static void tryOnSamples(Runnable evaluation) {
        try {
            evaluation.run();
        } catch (RuntimeException e) {
            throw new ApiException(ErrorCode.RULE_EXPRESSION_INVALID, "a predicate does not answer true or false on"
                    + " a sample applicant: " + e.getMessage());
        }
    }
}
