package io.creditsuite.approval.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.approval.ApplicantFacts;
import io.creditsuite.api.approval.ApplicationView;
import io.creditsuite.api.approval.ApprovalReportService;
import io.creditsuite.api.approval.CreditApplicationService;
import io.creditsuite.api.approval.IdentityType;
import io.creditsuite.api.approval.SubmitApplicationRequest;
import io.creditsuite.api.approval.SupplementRequest;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.support.FakeCreditExposure;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import io.creditsuite.support.hostile.HostileCase;
import io.creditsuite.support.hostile.HostileDubboBattery;
import io.creditsuite.support.hostile.HostileInputs;
import io.creditsuite.support.hostile.TableRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Issue 14's hostile battery over Dubbo for approval-service: every method of every interface the service exports,
 * called over the network with the cases {@link HostileInputs} makes by reflection, plus amounts, terms and
 * currencies no application may ask for, report periods out of range, and another partner's application. Every
 * case is an ApiException with a 4xx code that writes no row. The workflow engine's own tables (ACT_*, FLW_*) are
 * not counted: its job executor writes them on its own schedule; an application would show in the service's tables.
 */
// ApplicationIntakeIT's context configuration, so that both share one Spring context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "credit-suite.approval.demo-staff.enabled=true")
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@Import(FakeCreditExposure.class)
class ApprovalHostileDubboIT {
    private static final String PERSON_ID = "110101199003070011";

    @Autowired
    private ModuleModel dubboModule;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CreditApplicationService applications;

    @Test
    void every_exported_method_refuses_hostile_input_with_a_code_and_writes_nothing() {
        List<Class<?>> apis = HostileDubboBattery.exportedApis(dubboModule);
        assertThat(apis).contains(CreditApplicationService.class, ApprovalReportService.class);
        List<HostileCase> cases = new ArrayList<>();
        apis.forEach(api -> cases.addAll(HostileInputs.of(api)));
        cases.addAll(explicitCases());

        try (HostileDubboBattery battery = new HostileDubboBattery(dubboModule, TableRows.of(jdbc,
                table -> table.toUpperCase().startsWith("ACT_") || table.toUpperCase().startsWith("FLW_"), Set.of()))) {
            battery.run(cases);
            System.out.println(battery.report());
            assertThat(battery.failures()).as(battery.report()).isEmpty();
        }
    }

    private List<HostileCase> explicitCases() {
        String partner = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        ApplicationView mine = applications.submit(request(partner, 100_000_00L, 12, "CNY"));

        Set<ErrorCode> unknown = Set.of(ErrorCode.APPLICATION_UNKNOWN);
        List<HostileCase> cases = new ArrayList<>(List.of(
                HostileCase.of(CreditApplicationService.class, "application", "another partner's application", unknown,
                        other, mine.applicationId()),
                HostileCase.of(CreditApplicationService.class, "byPartnerApplicationId",
                        "another partner's application", unknown, other, mine.partnerApplicationId()),
                HostileCase.of(CreditApplicationService.class, "supplement", "another partner's application", unknown,
                        new SupplementRequest(newId(), other, mine.applicationId(), "more documents"))));
        Set<ErrorCode> amount = Set.of(ErrorCode.AMOUNT_INVALID, ErrorCode.INVALID_ARGUMENT);
        for (long bad : new long[] {0, -1, Long.MIN_VALUE}) {
            cases.add(HostileCase.of(CreditApplicationService.class, "submit", "requested " + bad, amount,
                    request(partner, bad, 12, "CNY")));
        }
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            cases.add(HostileCase.of(CreditApplicationService.class, "submit", "term of " + bad + " months",
                    Set.of(ErrorCode.INVALID_ARGUMENT), request(partner, 100_000_00L, bad, "CNY")));
        }
        for (String currency : new String[] {"XXX", "usd", "CNYX", ""}) {
            cases.add(HostileCase.of(CreditApplicationService.class, "submit", "currency '" + currency + "'",
                    Set.of(ErrorCode.INVALID_ARGUMENT), request(partner, 100_000_00L, 12, currency)));
        }
        Set<ErrorCode> invalid = Set.of(ErrorCode.INVALID_ARGUMENT);
        for (String method : new String[] {"throughput", "timeliness"}) {
            cases.add(HostileCase.of(ApprovalReportService.class, method, "from after to", invalid,
                    "2026-02-01", "2026-01-01"));
            cases.add(HostileCase.of(ApprovalReportService.class, method, "more than MAX_DAYS", invalid,
                    "2000-01-01", "2026-01-01"));
            cases.add(HostileCase.of(ApprovalReportService.class, method, "no such day", invalid,
                    "2026-02-30", "2026-03-01"));
        }
        cases.add(HostileCase.of(ApprovalReportService.class, "csv", "no such report", invalid,
                "passwords", "2026-01-01", "2026-01-02"));
        return cases;
    }

    private static SubmitApplicationRequest request(String partner, long requestedMinor, int termMonths, String currency) {
        String partnerApplicationId = newId();
        return new SubmitApplicationRequest(partner, partnerApplicationId, "CU-" + partnerApplicationId,
                new ApplicantFacts("Li Lei", IdentityType.ID_CARD, PERSON_ID, "13800138000", 40, "MANUFACTURING",
                        1_000_000_00L, "/CN/EAST/SH"), LimitType.GUARANTEE, currency, requestedMinor, termMonths,
                List.of("P-1"), "DEALER", "https://partner.example/callbacks");
    }

    private static String newId() {
        return "pa-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
