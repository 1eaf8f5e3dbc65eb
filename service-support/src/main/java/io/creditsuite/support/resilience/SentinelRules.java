package io.creditsuite.support.resilience;

import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentinel keeps one flow rule list per JVM ({@link FlowRuleManager#loadRules} replaces it whole): each owner of rules
 * (the gateway's partner limits, the Dubbo providers' method limits) sets its own part here, and the union is loaded,
 * so one owner's reload never drops another's rules.
 */
public final class SentinelRules {
    private static final Map<String, List<FlowRule>> FLOW = new LinkedHashMap<>();

    private SentinelRules() {
    }

    /** Replaces {@code owner}'s flow rules and loads every owner's. */
    public static synchronized void flow(String owner, List<FlowRule> rules) {
        FLOW.put(owner, List.copyOf(rules));
        List<FlowRule> all = new ArrayList<>();
        FLOW.values().forEach(all::addAll);
        FlowRuleManager.loadRules(all);
    }
}
