package io.creditsuite.reconcile.application.rule;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.util.Set;
import java.util.regex.Pattern;

/** What every rule change must carry, checked alike for pair and balance rules: each refusal is CS-5004 naming it. */
final class RuleInput {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    private static final int MAX_TEXT = 256;
    /** {@code owner_team} is VARCHAR(48) in {@code bcp_rule} and {@code bcp_balance_rule}. */
    static final int MAX_TEAM = 48;

    private RuleInput() {
    }

    /** A person or team name: 1..{@code max} (at most 64) letters, digits or {@code ._@-}. */
    static void name(String value, String field, int max) {
        require(value != null && NAME.matcher(value).matches() && value.length() <= max, field + " must be 1.." + max
                + " letters, digits or ._@-");
    }

    static void who(String who) {
        name(who, "who", 64);
    }

    static void severity(String severity) {
        require(severity != null && SEVERITIES.contains(severity), "severity must be critical, warning or info");
    }

    /** A description or a reason: 1..256 characters, not blank. */
    static void text(String value, String field) {
        require(value != null && !value.isBlank() && value.length() <= MAX_TEXT, "a " + field + " (1.." + MAX_TEXT
                + " characters)");
    }

    static void require(boolean ok, String detail) {
        if (!ok) {
            throw new ApiException(ErrorCode.BCP_RULE_INVALID, detail);
        }
    }
}
