package io.creditsuite.approval.domain.check;

import java.util.List;
import java.util.Optional;

/** Where rule sets, scorecards and blacklist entries are published. Writes join the caller's transaction. */
public interface CheckAdminStore {
    boolean ruleSetExists(String version);

    boolean scorecardExists(String version);

    /** Supersedes the ACTIVE rule set (if any) and makes {@code ruleSet} ACTIVE; returns the superseded version. */
    Optional<String> activateRuleSet(RuleSet ruleSet, String publishedBy);

    /** Supersedes the ACTIVE scorecard (if any) and makes {@code scorecard} ACTIVE; returns the superseded version. */
    Optional<String> activateScorecard(Scorecard scorecard, String publishedBy);

    void addBlacklistEntry(BlacklistEntry entry, String createdBy);

    Optional<BlacklistEntry> activeBlacklistEntry(String entryId);

    void deactivateBlacklistEntry(String entryId);

    /** The active entries, newest first, at most {@code limit}. */
    List<BlacklistEntry> activeBlacklistEntries(int limit);
}
