package io.creditsuite.reconcile.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.BcpRuleService;
import io.creditsuite.api.reconcile.DiscrepancyService;
import io.creditsuite.api.reconcile.FullCheckService;
import io.creditsuite.api.reconcile.PublishPairRuleRequest;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import io.creditsuite.support.hostile.HostileCase;
import io.creditsuite.support.hostile.HostileDubboBattery;
import io.creditsuite.support.hostile.HostileInputs;
import io.creditsuite.support.hostile.TableRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Issue 14's hostile battery over Dubbo for reconcile-service: every method of every interface the service exports,
 * called over the network with the cases {@link HostileInputs} makes by reflection, plus pages out of range, rules
 * whose window or expressions no rule may have (a sandbox escape included) and full-check scopes that are none.
 * Every case is an ApiException with a 4xx code that writes no row.
 */
// ReconcileServiceIT's (ServiceContractIT's) context configuration, so that both share one Spring context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@AutoConfigureObservability
class ReconcileHostileDubboIT {
    @Autowired
    private ModuleModel dubboModule;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void every_exported_method_refuses_hostile_input_with_a_code_and_writes_nothing() {
        List<Class<?>> apis = HostileDubboBattery.exportedApis(dubboModule);
        assertThat(apis).contains(DiscrepancyService.class, FullCheckService.class, BcpRuleService.class);
        List<HostileCase> cases = new ArrayList<>();
        apis.forEach(api -> cases.addAll(HostileInputs.of(api)));
        cases.addAll(explicitCases());

        try (HostileDubboBattery battery = new HostileDubboBattery(dubboModule, TableRows.of(jdbc, table -> false,
                Set.of()))) {
            battery.run(cases);
            System.out.println(battery.report());
            assertThat(battery.failures()).as(battery.report()).isEmpty();
        }
    }

    private static List<HostileCase> explicitCases() {
        Set<ErrorCode> invalid = Set.of(ErrorCode.INVALID_ARGUMENT);
        List<HostileCase> cases = new ArrayList<>();
        for (int bad : new int[] {0, -1, DiscrepancyService.MAX_PAGE + 1, Integer.MAX_VALUE}) {
            cases.add(HostileCase.of(DiscrepancyService.class, "discrepancies", "a page of " + bad, invalid,
                    "OPEN", null, bad));
        }
        cases.add(HostileCase.of(DiscrepancyService.class, "discrepancies", "a state that is none", invalid,
                "OPEN' OR 1=1 --", null, 10));
        Set<ErrorCode> ruleInvalid = Set.of(ErrorCode.BCP_RULE_INVALID);
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            cases.add(HostileCase.of(BcpRuleService.class, "publish", "a window of " + bad + " s", ruleInvalid,
                    rule("left.id", "true", bad)));
        }
        cases.add(HostileCase.of(BcpRuleService.class, "publish", "a key that escapes the sandbox", ruleInvalid,
                rule("Class.forName('java.lang.Runtime')", "true", 60)));
        cases.add(HostileCase.of(BcpRuleService.class, "publish", "a match that runs a process", ruleInvalid,
                rule("left.id", "Runtime.getRuntime().exec('touch /tmp/hostile') != nil", 60)));
        for (String scope : new String[] {"DATE:2026-02-30", "DATE:' OR 1=1 --", "CUSTOMER:", "EVERYTHING"}) {
            cases.add(HostileCase.of(FullCheckService.class, "start", "scope " + scope, invalid, scope, "sre"));
        }
        return cases;
    }

    private static PublishPairRuleRequest rule(String leftKey, String match, int windowSeconds) {
        return new PublishPairRuleRequest("R-HOSTILE", "A_B", "C_D", leftKey, "right.id", match, windowSeconds,
                "critical", "lending", "hostile", "sre");
    }
}
