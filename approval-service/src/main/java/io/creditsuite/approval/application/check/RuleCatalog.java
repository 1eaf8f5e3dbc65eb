package io.creditsuite.approval.application.check;

import io.creditsuite.approval.domain.check.BlacklistEntry;
import io.creditsuite.approval.domain.check.CheckAdminStore;
import io.creditsuite.approval.domain.check.CheckConfiguration;
import io.creditsuite.approval.domain.check.RuleSet;
import io.creditsuite.approval.domain.check.Scorecard;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/** What is in force now, as the rule admin's page shows it: the ACTIVE rule set and scorecard and the blacklist. */
public class RuleCatalog {
    /** The page lists this many blacklist entries, newest first. */
    static final int BLACKLIST_PAGE = 200;

    public record InForce(RuleSet ruleSet, Scorecard scorecard, List<BlacklistEntry> blacklist) {
    }

    private final CheckConfiguration configuration;
    private final CheckAdminStore store;

    public RuleCatalog(CheckConfiguration configuration, CheckAdminStore store) {
        this.configuration = configuration;
        this.store = store;
    }

    @Transactional(readOnly = true)
    public InForce inForce() {
        return new InForce(configuration.ruleSet(configuration.activeRuleSetVersion()),
                configuration.scorecard(configuration.activeScorecardVersion()),
                store.activeBlacklistEntries(BLACKLIST_PAGE));
    }
}
