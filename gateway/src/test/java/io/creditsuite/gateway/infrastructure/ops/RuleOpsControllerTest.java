package io.creditsuite.gateway.infrastructure.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.BalanceRuleService;
import io.creditsuite.api.reconcile.BalanceRuleView;
import io.creditsuite.api.reconcile.BcpRuleService;
import io.creditsuite.api.reconcile.PairRuleView;
import io.creditsuite.api.reconcile.PublishBalanceRuleRequest;
import io.creditsuite.api.reconcile.PublishPairRuleRequest;
import io.creditsuite.gateway.infrastructure.web.ProblemResponses;
import io.creditsuite.gateway.infrastructure.web.partner.StrictJsonBodyConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The rule endpoints hand the operator's rule and identity to reconcile-service as they came (read strictly) and its
 * versions and codes back as JSON and problem+json.
 */
class RuleOpsControllerTest {
    private static final String BALANCE = "{\"ruleId\":\"F-NODE-REPLAY\",\"pass\":\"LIMIT_NODES\",\"terms\":{\"stored\":1,"
            + "\"replayed\":-1},\"toleranceMinor\":%s,\"severity\":\"critical\",\"ownerTeam\":\"credit\","
            + "\"description\":\"stored = replayed\",\"who\":\"sre-li\"}";
    private static final String PAIR = "{\"ruleId\":\"R-X\",\"leftEvent\":\"A_B\",\"rightEvent\":\"C_D\",\"leftKey\":"
            + "\"left.id\",\"rightKey\":\"right.id\",\"match\":\"true\",\"windowSeconds\":%s,\"severity\":\"info\","
            + "\"ownerTeam\":\"t\",\"description\":\"d\",\"who\":\"sre-li\"}";

    private final List<Object> calls = new ArrayList<>();
    private final MockMvc mvc;

    RuleOpsControllerTest() {
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
        mvc = MockMvcBuilders.standaloneSetup(new RuleOpsController(new PairRules(), new BalanceRules()))
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new StrictJsonBodyConverter(mapper), new MappingJackson2HttpMessageConverter(mapper))
                .build();
    }

    /** Like reconcile-service: a window of 0 is CS-5004, R-X is the only pair rule. */
    private final class PairRules implements BcpRuleService {
        @Override
        public List<PairRuleView> rules() {
            return List.of(pair(1, true));
        }

        @Override
        public PairRuleView publish(PublishPairRuleRequest request) {
            if (request.windowSeconds() < 1) {
                throw new ApiException(ErrorCode.BCP_RULE_INVALID, "windowSeconds must be 1..86400");
            }
            calls.add(request);
            return pair(2, true);
        }

        @Override
        public PairRuleView disable(String ruleId, String who, String reason) {
            if (!ruleId.equals("R-X")) {
                throw new ApiException(ErrorCode.BCP_RULE_UNKNOWN, "no rule " + ruleId);
            }
            calls.add("disable " + ruleId + " by " + who + ": " + reason);
            return pair(2, false);
        }

        private PairRuleView pair(int version, boolean enabled) {
            return new PairRuleView("R-X", version, "A_B", "C_D", "left.id", "right.id", "true", 60, "info", "t", "d",
                    enabled, "sre-li", 1L);
        }
    }

    /** Like reconcile-service: a negative tolerance is CS-5004, F-NODE-REPLAY is the only balance rule. */
    private final class BalanceRules implements BalanceRuleService {
        @Override
        public List<BalanceRuleView> balanceRules() {
            return List.of(balance(1, 0, true));
        }

        @Override
        public BalanceRuleView publishBalance(PublishBalanceRuleRequest request) {
            if (request.toleranceMinor() < 0) {
                throw new ApiException(ErrorCode.BCP_RULE_INVALID, "toleranceMinor must be >= 0 (minor units), not "
                        + request.toleranceMinor());
            }
            calls.add(request);
            return balance(2, request.toleranceMinor(), true);
        }

        @Override
        public BalanceRuleView disableBalance(String ruleId, String who, String reason) {
            if (!ruleId.equals("F-NODE-REPLAY")) {
                throw new ApiException(ErrorCode.BCP_RULE_UNKNOWN, "no balance rule " + ruleId);
            }
            calls.add("disable " + ruleId + " by " + who + ": " + reason);
            return balance(2, 0, false);
        }

        private BalanceRuleView balance(int version, long toleranceMinor, boolean enabled) {
            return new BalanceRuleView("F-NODE-REPLAY", version, "LIMIT_NODES", Map.of("stored", 1L, "replayed", -1L),
                    toleranceMinor, "critical", "credit", "stored = replayed", enabled, "sre-li", 1L);
        }
    }

    @Test
    void balance_rules_are_listed_published_and_disabled_with_the_operator_from_the_body() throws Exception {
        mvc.perform(get("/ops/v1/rules/balances")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].ruleId").value("F-NODE-REPLAY"))
                .andExpect(jsonPath("$[0].terms.replayed").value(-1));
        postJson("/ops/v1/rules/balances", BALANCE.formatted("5")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.toleranceMinor").value(5));
        postJson("/ops/v1/rules/balances/F-NODE-REPLAY/disable", "{\"who\":\"sre-wang\",\"reason\":\"noisy\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        assertThat(calls).containsExactly(new PublishBalanceRuleRequest("F-NODE-REPLAY", "LIMIT_NODES",
                Map.of("stored", 1L, "replayed", -1L), 5, "critical", "credit", "stored = replayed", "sre-li"),
                "disable F-NODE-REPLAY by sre-wang: noisy");
    }

    @Test
    void pair_rules_are_listed_published_and_disabled_with_the_operator_from_the_body() throws Exception {
        mvc.perform(get("/ops/v1/rules/pairs")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].ruleId").value("R-X")).andExpect(jsonPath("$[0].windowSeconds").value(60));
        postJson("/ops/v1/rules/pairs", PAIR.formatted("120")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        postJson("/ops/v1/rules/pairs/R-X/disable", "{\"who\":\"sre-wang\",\"reason\":\"replaced\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        assertThat(calls).containsExactly(new PublishPairRuleRequest("R-X", "A_B", "C_D", "left.id", "right.id",
                "true", 120, "info", "t", "d", "sre-li"), "disable R-X by sre-wang: replaced");
    }

    @Test
    void reconcile_services_refusals_come_back_as_problem_json_with_their_codes() throws Exception {
        postJson("/ops/v1/rules/balances", BALANCE.formatted("-1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-5004"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("toleranceMinor must be")));
        postJson("/ops/v1/rules/pairs", PAIR.formatted("0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-5004"));
        postJson("/ops/v1/rules/balances/F-NEVER/disable", "{\"who\":\"sre\",\"reason\":\"why\"}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("CS-5005"));
        postJson("/ops/v1/rules/pairs/R-NEVER/disable", "{\"who\":\"sre\",\"reason\":\"why\"}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("CS-5005"));
        assertThat(calls).isEmpty();
    }

    @Test
    void a_body_that_is_not_exactly_a_rule_is_refused_before_reconcile_service_is_called() throws Exception {
        // a fraction or a string is never rounded or parsed into a tolerance or a coefficient
        postJson("/ops/v1/rules/balances", BALANCE.formatted("1.5")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-1000"));
        postJson("/ops/v1/rules/balances", BALANCE.formatted("\"1\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-1000"));
        postJson("/ops/v1/rules/balances", BALANCE.formatted("0").replace("\"stored\":1", "\"stored\":0.5"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("CS-1000"));
        postJson("/ops/v1/rules/balances", BALANCE.formatted("0").replace("\"who\"", "\"operator\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("CS-1000"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("unknown field 'operator'")));
        postJson("/ops/v1/rules/balances", BALANCE.formatted("0").replace(",\"toleranceMinor\":0", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("CS-5004"))
                .andExpect(jsonPath("$.detail").value("toleranceMinor is required (minor units, >= 0)"));
        postJson("/ops/v1/rules/pairs", PAIR.formatted("60.5")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-1000"));
        postJson("/ops/v1/rules/pairs/R-X/disable", "null").andExpect(status().isBadRequest());
        postJson("/ops/v1/rules/balances/F-NODE-REPLAY/disable", "nope").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CS-1000"));
        assertThat(calls).isEmpty();
    }

    private ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
