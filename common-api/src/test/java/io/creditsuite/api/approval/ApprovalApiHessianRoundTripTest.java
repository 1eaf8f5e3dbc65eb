package io.creditsuite.api.approval;

import static io.creditsuite.api.HessianRoundTrip.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.creditsuite.api.credit.LimitType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DTO of the approval API, with nulls where they are allowed, survives Hessian2 unchanged. */
class ApprovalApiHessianRoundTripTest {

    static Stream<Object> dtos() {
        ApplicantFacts person = new ApplicantFacts("Zhang San", IdentityType.ID_CARD, "11010519491231002X",
                "13800138000", 35, "RETAIL", 120_000_00L, "/CN/EAST/SH");
        ApplicantFacts company = new ApplicantFacts("Acme Ltd", IdentityType.USCC, "91350100M000100Y43", null, null,
                "MANUFACTURING", 9_000_000_00L, "/CN/SOUTH/GZ");
        return Stream.of(
                person,
                company,
                new SubmitApplicationRequest("P-1", "APP-1", "CU-1", person, LimitType.values()[0], "CNY", 50_000_00L,
                        12, List.of("PERSONAL_LOAN"), "CONSUMER", "https://partner.example/cb"),
                new SubmitApplicationRequest("P-1", "APP-2", "CU-2", company, LimitType.values()[0], "CNY", 1L, 1,
                        List.of("A", "B"), "DEALER", null),
                new ApplicationView("AP-1", "P-1", "APP-1", "CU-1", ApplicationStatus.IN_REVIEW,
                        ReviewStage.FINAL_REVIEW, CheckRoute.MANUAL_REVIEW, 612, "CNY", 50_000_00L, 40_000_00L, null,
                        null, 1_700_000_000_000L, null),
                new ApplicationView("AP-2", "P-1", "APP-2", "CU-2", ApplicationStatus.SUBMITTED, null, null, null,
                        "CNY", 1L, null, null, null, 1_700_000_000_000L, null),
                new SupplementRequest("k-1", "P-1", "AP-1", "payslips sent"),
                new ThroughputRow("2026-12-03", "ann", ReviewStage.FIRST_REVIEW, 3, 1, 1, 5),
                new TimelinessRow(ReviewStage.RECHECK, 15, 1_800L, 14_400L, 14, 9333),
                new BacklogRow(ReviewStage.FINAL_REVIEW, 1, 2, 3, 4, 5, 15));
    }

    @ParameterizedTest
    @MethodSource("dtos")
    void an_approval_dto_survives_a_hessian2_round_trip(Object dto) throws Exception {
        assertEquals(dto, roundTrip(dto));
    }
}
