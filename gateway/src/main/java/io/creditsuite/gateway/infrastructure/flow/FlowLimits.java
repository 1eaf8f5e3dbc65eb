package io.creditsuite.gateway.infrastructure.flow;

import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowItem;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The partner API's limits as operators write them (the rules file, or Nacos in production), turned into Sentinel
 * rules:
 * <pre>
 *   per partner key:  requests/s of one key   <= partnerQps (or perPartnerQps[keyId])     resource partner-api
 *   per customer:     requests/s on one customer <= customerQps (or perCustomerQps[id])    resource customer
 *   per endpoint:     requests in progress on one endpoint <= endpointConcurrency (or perEndpoint[...])  endpoint
 *   per funding account: requests/s of a lender's partners <= fundingAccountQps (or perFundingAccountQps[id])
 *                                                                                        resource funding-account
 * </pre>
 * Every limit is per second (a fresh window each second) or in flight; a partner over its limit cannot use up another
 * partner's, and a hot customer cannot starve the partner's other customers. A value of 0 refuses everything it
 * covers (a partner switched off).
 *
 * @param partnerQps          requests/s of any one partner key without a limit of its own
 * @param perPartnerQps       key id -> its own requests/s
 * @param customerQps         requests/s on any one customer without a limit of its own
 * @param perCustomerQps      customer id -> its own requests/s
 * @param endpointConcurrency requests in progress on any one endpoint without a limit of its own
 * @param perEndpoint         "METHOD /pattern" -> its own requests in progress
 * @param fundingAccountQps   requests/s on any one funding account without a limit of its own; absent (null): no
 *                            funding-account limit
 * @param perFundingAccountQps funding account id -> its own requests/s
 */
public record FlowLimits(double partnerQps, Map<String, Double> perPartnerQps, double customerQps,
                         Map<String, Integer> perCustomerQps, int endpointConcurrency,
                         Map<String, Integer> perEndpoint, Double fundingAccountQps,
                         Map<String, Integer> perFundingAccountQps) {
    static final String PARTNER_API = "partner-api";
    static final String CUSTOMER = "customer";
    static final String ENDPOINT = "endpoint";
    static final String FUNDING_ACCOUNT = "funding-account";

    public FlowLimits {
        perPartnerQps = perPartnerQps == null ? Map.of() : Map.copyOf(perPartnerQps);
        perCustomerQps = perCustomerQps == null ? Map.of() : Map.copyOf(perCustomerQps);
        perEndpoint = perEndpoint == null ? Map.of() : Map.copyOf(perEndpoint);
        perFundingAccountQps = perFundingAccountQps == null ? Map.of() : Map.copyOf(perFundingAccountQps);
        if (partnerQps < 0 || customerQps < 0 || endpointConcurrency < 0
                || (fundingAccountQps != null && fundingAccountQps < 0)
                || perFundingAccountQps.values().stream().anyMatch(v -> v == null || v < 0)
                || perPartnerQps.values().stream().anyMatch(v -> v == null || v < 0)
                || perCustomerQps.values().stream().anyMatch(v -> v == null || v < 0)
                || perEndpoint.values().stream().anyMatch(v -> v == null || v < 0)) {
            throw new IllegalArgumentException("flow limits must be >= 0");
        }
    }

    /** The limits without a funding-account limit. */
    public FlowLimits(double partnerQps, Map<String, Double> perPartnerQps, double customerQps,
                      Map<String, Integer> perCustomerQps, int endpointConcurrency, Map<String, Integer> perEndpoint) {
        this(partnerQps, perPartnerQps, customerQps, perCustomerQps, endpointConcurrency, perEndpoint, null, null);
    }

    /** Per partner key (origin = key id): a rule of each key's own, and one for every other key. */
    public List<FlowRule> flowRules() {
        List<FlowRule> rules = new ArrayList<>();
        perPartnerQps.forEach((keyId, qps) -> rules.add(qps(PARTNER_API, keyId, qps)));
        rules.add(qps(PARTNER_API, RuleConstant.LIMIT_APP_OTHER, partnerQps));
        return rules;
    }

    /**
     * Hot parameters: requests/s per customer (the customer resource's argument), requests in progress per endpoint
     * ("POST /api/v1/loans/{id}/repayments", the endpoint resource's argument) and, when set, requests/s per funding
     * account (its id, the funding-account resource's argument).
     */
    public List<ParamFlowRule> paramRules() {
        ParamFlowRule customers = new ParamFlowRule(CUSTOMER).setParamIdx(0).setCount(customerQps)
                .setGrade(RuleConstant.FLOW_GRADE_QPS);
        customers.setParamFlowItemList(items(perCustomerQps));
        ParamFlowRule endpoints = new ParamFlowRule(ENDPOINT).setParamIdx(0).setCount(endpointConcurrency)
                .setGrade(RuleConstant.FLOW_GRADE_THREAD);
        endpoints.setParamFlowItemList(items(perEndpoint));
        if (fundingAccountQps == null) {
            return List.of(customers, endpoints);
        }
        ParamFlowRule accounts = new ParamFlowRule(FUNDING_ACCOUNT).setParamIdx(0).setCount(fundingAccountQps)
                .setGrade(RuleConstant.FLOW_GRADE_QPS);
        accounts.setParamFlowItemList(items(perFundingAccountQps));
        return List.of(customers, endpoints, accounts);
    }

    private static List<ParamFlowItem> items(Map<String, Integer> limits) {
        List<ParamFlowItem> items = new ArrayList<>();
        limits.forEach((value, count) -> items.add(new ParamFlowItem().setObject(value)
                .setClassType(String.class.getName()).setCount(count)));
        return items;
    }

    private static FlowRule qps(String resource, String limitApp, double count) {
        FlowRule rule = new FlowRule(resource).setGrade(RuleConstant.FLOW_GRADE_QPS).setCount(count);
        rule.setLimitApp(limitApp);
        return rule;
    }
}
