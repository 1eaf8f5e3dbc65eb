package io.creditsuite.api;

import static io.creditsuite.api.HessianRoundTrip.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.creditsuite.api.credit.BusinessTypeCapRequest;
import io.creditsuite.api.credit.CorrectionRequest;
import io.creditsuite.api.credit.CorrectionResult;
import io.creditsuite.api.credit.FieldDifference;
import io.creditsuite.api.credit.FlowImportRequest;
import io.creditsuite.api.credit.FlowImportResult;
import io.creditsuite.api.credit.NodeDifference;
import io.creditsuite.api.credit.RepaymentDueRequest;
import io.creditsuite.api.credit.ReplayReport;
import io.creditsuite.api.credit.ReportDimension;
import io.creditsuite.api.credit.ReportQuery;
import io.creditsuite.api.credit.ReportRow;
import io.creditsuite.api.credit.WarningKind;
import io.creditsuite.api.credit.WarningQuery;
import io.creditsuite.api.credit.WarningScanResult;
import io.creditsuite.api.credit.WarningView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DTO of the warning, replay and report APIs, with nulls and empty lists where allowed, survives Hessian2. */
class CreditOpsApiHessianRoundTripTest {

    static Stream<Object> dtos() {
        NodeDifference difference = new NodeDifference(7L, "L-1", List.of(new FieldDifference("frozenMinor", 877L, 100L),
                new FieldDifference("temporaryExpiresAt", null, 1_800_000_000_000L)));
        WarningView warning = new WarningView("OVERDUE:h-1:2026-11-22", "OVERDUE", "h-1", "C-2", "L-1", "CNY",
                200L, "hold h-1: 300 due, 100 returned", 1_700_000_000_000L);
        WarningView capWarning = new WarningView("BUSINESS_TYPE_OVER_CAP:auto/CNY:2026-11-22",
                "BUSINESS_TYPE_OVER_CAP", "auto/CNY", null, null, "CNY", 50L, "over", 1L);
        return Stream.of(
                difference,
                new FieldDifference("inUseMinor", 1L, 2L),
                new ReplayReport(10L, 40L, 12L, List.of(difference)),
                new ReplayReport(0L, 0L, 0L, List.of()),
                new CorrectionRequest("r-1", "alice", "replay found drift", List.of(7L, 9L)),
                new CorrectionResult("r-1", List.of(difference)),
                new CorrectionResult("r-2", List.of()),
                new FlowImportRequest("r-3", "alice", "migration", "request_id,...\n"),
                new FlowImportResult("r-3", 3, 9, 4),
                new ReportQuery(1L, 2L, ReportDimension.BUSINESS_TYPE),
                new ReportRow("CUSTOMER", "C-2", "CNY", 0L, 150L, 0L, 0L, 300L, 100L, 250L, 150L, 100L, 6L),
                warning,
                capWarning,
                new WarningScanResult(List.of(warning, capWarning), 2),
                new WarningScanResult(List.of(), 0),
                // equal warnings of one kind in one message (the kind is a string: a repeated enum, like any repeated instance,
                // is written as a back-reference, which hessian-lite's record reader cannot resolve)
                new WarningScanResult(List.of(warning, new WarningView(warning.warningKey() + "b", warning.kind(),
                        warning.subject(), warning.customerId(), warning.lineId(), warning.currency(), warning.amountMinor(),
                        warning.detail(), warning.raisedAtEpochMillis()), capWarning), 3),
                List.of(new ReportRow("CUSTOMER", "C-1", "CNY", 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L),
                        new ReportRow("CUSTOMER", "C-2", "CNY", 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L)),
                new RepaymentDueRequest("r-4", "h-1", 1_700_000_000_000L, 300L, "CNY"),
                new BusinessTypeCapRequest("auto", "CNY", 900L),
                new WarningQuery(WarningKind.AVAILABLE_LOW, "C-2", 0L, 2L, 100),
                new WarningQuery(null, null, 0L, 2L, 1));
    }

    @ParameterizedTest
    @MethodSource("dtos")
    void a_credit_ops_dto_survives_a_hessian2_round_trip(Object dto) throws Exception {
        assertEquals(dto, roundTrip(dto));
    }
}
