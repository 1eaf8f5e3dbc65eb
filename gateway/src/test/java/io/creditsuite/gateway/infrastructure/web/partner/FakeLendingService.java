package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.api.lending.DrawdownOutcome;
import io.creditsuite.api.lending.DrawdownRefusal;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.api.lending.DrawdownResult;
import io.creditsuite.api.lending.LendingService;
import io.creditsuite.api.lending.LoanView;
import io.creditsuite.api.lending.RepaymentRequest;
import io.creditsuite.api.lending.RepaymentResult;
import io.creditsuite.api.lending.RepaymentView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** credit-service's LendingService in memory: records every call, accepts drawdowns unless told to refuse. */
class FakeLendingService implements LendingService {
    static final long CREATED_AT = 1_796_200_260_120L;

    final List<Object> calls = new ArrayList<>();
    DrawdownRefusal refuseWith;
    Supplier<RuntimeException> failure;

    @Override
    public DrawdownResult drawdown(DrawdownRequest request) {
        record(request);
        LoanView loan = loan(request, refuseWith == null ? "DISBURSING" : "REFUSED");
        return refuseWith == null
                ? new DrawdownResult(DrawdownOutcome.ACCEPTED, null, null, loan)
                : new DrawdownResult(DrawdownOutcome.REFUSED, refuseWith, "node 7: available 1200.00 < 5000.00", loan);
    }

    @Override
    public LoanView loan(String partnerId, String loanId) {
        record(List.of(partnerId, loanId));
        return new LoanView(loanId, partnerId, "C-1", "L-1", 42, 500_000, "CNY", "6222020200112233", "ACTIVE", null,
                400_000, 100_000, "xid-1", CREATED_AT, CREATED_AT + 885);
    }

    @Override
    public RepaymentResult repay(RepaymentRequest request) {
        record(request);
        RepaymentView repayment = new RepaymentView("RP-1", request.loanId(), request.principalMinor(),
                request.interestMinor(), request.currency(), request.payerAccount(), "RPY-1", CREATED_AT + 1000);
        LoanView loan = new LoanView(request.loanId(), request.partnerId(), "C-1", "L-1", 42, 500_000, "CNY",
                "6222020200112233", "ACTIVE", null, 500_000 - request.principalMinor(), request.principalMinor(),
                "xid-1", CREATED_AT, CREATED_AT + 885);
        return new RepaymentResult(repayment, loan);
    }

    @Override
    public List<RepaymentView> repayments(String partnerId, String loanId) {
        record(List.of(partnerId, loanId));
        return List.of(new RepaymentView("RP-1", loanId, 100_000, 1_250, "CNY", "6222-1", "RPY-1", CREATED_AT));
    }

    private void record(Object call) {
        calls.add(call);
        if (failure != null) {
            throw failure.get();
        }
    }

    private static LoanView loan(DrawdownRequest r, String status) {
        boolean refused = "REFUSED".equals(status);
        return new LoanView("LN-1", r.partnerId(), r.customerId(), r.lineId(), r.productNodeId(), r.amountMinor(),
                r.currency(), r.payeeAccount(), status, refused ? "LIMIT_INSUFFICIENT" : null,
                refused ? 0 : r.amountMinor(), 0, "xid-1", CREATED_AT, null);
    }
}
