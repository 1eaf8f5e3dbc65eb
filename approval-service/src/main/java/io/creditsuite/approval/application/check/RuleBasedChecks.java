package io.creditsuite.approval.application.check;

import io.creditsuite.approval.domain.check.Blacklist;
import io.creditsuite.approval.domain.check.CheckConfiguration;
import io.creditsuite.approval.domain.check.CheckReport;
import io.creditsuite.approval.domain.check.CheckRun;
import io.creditsuite.approval.domain.check.CheckSubject;
import io.creditsuite.approval.domain.check.ExpressionEngine;
import io.creditsuite.approval.domain.check.NameNormalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The automatic checks with the versions ACTIVE at the call: a published change applies to the next application
 * without a restart. Each version's expressions are compiled once and kept (a version is never edited, so its
 * compiled form never goes stale).
 */
public class RuleBasedChecks implements AutomaticChecks {
    private final Blacklist blacklist;
    private final CheckConfiguration configuration;
    private final ExpressionEngine engine;
    private final Map<String, CheckRun.CompiledRules> rulesByVersion = new ConcurrentHashMap<>();
    private final Map<String, CheckRun.CompiledScorecard> scorecardsByVersion = new ConcurrentHashMap<>();

    public RuleBasedChecks(Blacklist blacklist, CheckConfiguration configuration, ExpressionEngine engine) {
        this.blacklist = blacklist;
        this.configuration = configuration;
        this.engine = engine;
    }

    @Override
    public CheckReport run(CheckSubject subject) {
        // only the ACTIVE version ids are read per application; a version's rules and bins once, on first use
        CheckRun.CompiledRules rules = rulesByVersion.computeIfAbsent(configuration.activeRuleSetVersion(),
                v -> CheckRun.compile(configuration.ruleSet(v), engine));
        CheckRun.CompiledScorecard card = scorecardsByVersion.computeIfAbsent(configuration.activeScorecardVersion(),
                v -> CheckRun.compile(configuration.scorecard(v), engine));
        return CheckRun.run(subject, blacklist.matching(subject.identityType(), subject.identityNumber(),
                subject.phone(), NameNormalizer.normalize(subject.name())), rules, card);
    }
}
