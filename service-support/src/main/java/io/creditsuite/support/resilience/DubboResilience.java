package io.creditsuite.support.resilience;

import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of {@link SentinelDubboFilter}, made for each Dubbo edge the first time a call crosses it:
 * <pre>
 *   consumer edge (a service this JVM calls): the breaker opens for openFor when, over statWindow with at least
 *     minCalls calls, slow calls (over slowCall) / calls >= slowRatio, or errors / calls >= errorRatio
 *     (errors: transport failures and internal errors; a refusal with a stable code is an answer, not an error)
 *   provider method (a method this JVM serves): calls/s <= providerQps
 * </pre>
 * Settings: {@code credit-suite.resilience.*} (service-support's defaults, per service in its application.yml).
 */
public final class DubboResilience {
    private static volatile Settings settings = Settings.DEFAULTS;
    private static final Set<String> CONSUMED = new LinkedHashSet<>();
    private static final Set<String> PROVIDED = new LinkedHashSet<>();

    /** @param providerQps 0: no flow control of the providers */
    public record Settings(Duration slowCall, double slowRatio, double errorRatio, int minCalls, Duration statWindow,
                           Duration openFor, double providerQps) {
        static final Settings DEFAULTS = new Settings(Duration.ofSeconds(2), 0.5, 0.5, 20, Duration.ofSeconds(10),
                Duration.ofSeconds(10), 0);
    }

    private DubboResilience() {
    }

    /** New settings, in force for every edge at once. */
    public static synchronized void configure(Settings newSettings) {
        settings = newSettings;
        loadDegrade();
        loadProviders();
    }

    static synchronized void consumed(String resource) {
        if (CONSUMED.add(resource)) {
            loadDegrade();
        }
    }

    static synchronized void provided(String resource) {
        if (PROVIDED.add(resource)) {
            loadProviders();
        }
    }

    private static void loadDegrade() {
        Settings s = settings;
        List<DegradeRule> rules = new ArrayList<>();
        for (String resource : CONSUMED) {
            rules.add(degrade(resource, RuleConstant.DEGRADE_GRADE_RT, s.slowCall().toMillis(), s.slowRatio(), s));
            rules.add(degrade(resource, RuleConstant.DEGRADE_GRADE_EXCEPTION_RATIO, s.errorRatio(), 0, s));
        }
        DegradeRuleManager.loadRules(rules);
    }

    private static DegradeRule degrade(String resource, int grade, double count, double slowRatio, Settings s) {
        DegradeRule rule = new DegradeRule(resource).setGrade(grade).setCount(count)
                .setMinRequestAmount(s.minCalls()).setStatIntervalMs((int) s.statWindow().toMillis())
                .setTimeWindow((int) Math.max(1, s.openFor().toSeconds()));
        if (grade == RuleConstant.DEGRADE_GRADE_RT) {
            rule.setSlowRatioThreshold(slowRatio);
        }
        return rule;
    }

    private static void loadProviders() {
        Settings s = settings;
        List<FlowRule> rules = new ArrayList<>();
        if (s.providerQps() > 0) {
            for (String resource : PROVIDED) {
                FlowRule rule = new FlowRule(resource).setGrade(RuleConstant.FLOW_GRADE_QPS).setCount(s.providerQps());
                rule.setLimitApp(RuleConstant.LIMIT_APP_DEFAULT);
                rules.add(rule);
            }
        }
        SentinelRules.flow("dubbo-providers", rules);
    }
}
