package io.creditsuite.api;

import static io.creditsuite.api.HessianRoundTrip.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.creditsuite.api.credit.AdjustLimitRequest;
import io.creditsuite.api.credit.ApprovalDecisionRequest;
import io.creditsuite.api.credit.AuditEntryView;
import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.ChangeRateRequest;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.DirectUseRequest;
import io.creditsuite.api.credit.DisburseRequest;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.LineAction;
import io.creditsuite.api.credit.LineActionRequest;
import io.creditsuite.api.credit.MaintenanceOutcome;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.credit.NodeScope;
import io.creditsuite.api.credit.NodeTreeQuery;
import io.creditsuite.api.credit.ProductGrant;
import io.creditsuite.api.credit.RegisterCustomerRequest;
import io.creditsuite.api.credit.RenewTermRequest;
import io.creditsuite.api.credit.ReturnRequest;
import io.creditsuite.api.credit.UnfreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DTO of the credit API, with nulls and empty lists where they are allowed, survives Hessian2 unchanged. */
class CreditApiHessianRoundTripTest {

    static Stream<Object> dtos() {
        LimitNodeView node = new LimitNodeView(7L, "L-1", "C-2", "VENDOR_CREDIT_SALE", "BUSINESS_TYPE", "auto",
                null, List.of(3L, 5L), List.of(), "CNY", 100_000L, 20_000L, 1_800_000_000_000L, 0L, 120_000L, 5L, 6L,
                7L, 13L, 119_982L);
        return Stream.of(
                new RegisterCustomerRequest("r-1", "C-1", "Upstream Ltd", CustomerSource.ENTERPRISE, null, "dept-7"),
                new GrantLineRequest("r-2", "alice", "approved", "L-1", "C-1", "C-2", LimitType.GUARANTEE, "CNY", "S-1",
                        1_700_000_000_000L, 1_800_000_000_000L, true, "0.0435", 1_000_000L, 0L, null, 9L,
                        List.of(new BusinessTypeGrant("auto", 500_000L, List.of(new ProductGrant("p-1", 100L))),
                                new BusinessTypeGrant("farm", 1L, List.of()))),
                new GrantLineResult("r-2", "L-1", List.of(node)),
                // several records in one message, as a node tree or a grant result carries them (no enum fields there:
                // hessian-lite cannot read a record field that is a back-reference, e.g. an enum repeated across
                // records of one message, apache/dubbo-hessian-lite#80)
                new GrantLineResult("r-2", "L-1", new java.util.ArrayList<>(List.of(node, new LimitNodeView(8L, "L-1",
                        "C-2", "VENDOR_CREDIT_SALE", "PRODUCT", "auto", "p-1", new java.util.ArrayList<>(List.of(7L)),
                        new java.util.ArrayList<>(), "CNY", 1L, 0L, null, 0L, 1L, 0L, 0L, 0L, 0L, 1L)))),

                node,
                new FreezeRequest("r-3", "L-1", 7L, 10L, 90L, "CNY", 1_700_000_100_000L),
                new FreezeRequest("r-3b", "L-1", 7L, 0L, 90L, "CNY", null),
                new DirectUseRequest("r-4", "L-1", 7L, 0L, 1L, "CNY"),
                new UseRequest("r-5", "r-3", 90L, "CNY"),
                new UnfreezeRequest("r-6", "r-3"),
                new DisburseRequest("r-7", "r-3", 90L, "CNY"),
                new ReturnRequest("r-8", "r-3", 90L, "CNY"),
                new LimitOperationResult("r-8", "r-3", LimitOutcome.ACCEPTED, 42L, null),
                new LimitOperationResult("r-9", null, LimitOutcome.LIMIT_INSUFFICIENT, 0L, "node 3"),
                new NodeTreeQuery(NodeScope.DEPARTMENT, "dept-7"),
                new AdjustLimitRequest("r-10", "alice", "growth", 7L, 2_000L, 500L, 1_800_000_000_000L),
                new MaintenanceResult("r-10", MaintenanceOutcome.PENDING_APPROVAL, "r-10"),
                new MaintenanceResult("r-11", MaintenanceOutcome.APPLIED, null),
                new ApprovalDecisionRequest("r-12", "r-10", "bob", true, "ok"),
                new LineActionRequest("r-13", "alice", "risk event", "L-1", LineAction.CLEAR),
                new ChangeRateRequest("r-14", "alice", "repricing", "L-1", "0.05"),
                new RenewTermRequest("r-15", "alice", "annual review", "L-1", 1_900_000_000_000L),
                new AuditEntryView("r-14", "L-1", "CHANGE_RATE", "alice", null, 1_700_000_000_000L, "rate=0.0435",
                        "rate=0.05", "repricing"));
    }

    @ParameterizedTest
    @MethodSource("dtos")
    void a_credit_dto_survives_a_hessian2_round_trip(Object dto) throws Exception {
        assertEquals(dto, roundTrip(dto));
    }
}
