package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.DrawdownRequest;
import io.creditsuite.api.lending.DrawdownResult;
import io.creditsuite.api.lending.LendingService;
import io.creditsuite.api.lending.LoanView;
import io.creditsuite.api.lending.RepaymentRequest;
import io.creditsuite.api.lending.RepaymentResult;
import io.creditsuite.api.lending.RepaymentView;
import io.creditsuite.credit.application.lending.DrawdownHandler;
import io.creditsuite.credit.application.lending.LoanQueries;
import io.creditsuite.credit.application.lending.RepayLoanHandler;
import io.creditsuite.credit.infrastructure.metrics.DrawdownStages;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;
import org.apache.seata.core.context.RootContext;

/**
 * Loans over Dubbo. The drawdown begins its own global transaction, so it must not be called inside one; its Dubbo
 * timeout must cover the global transaction's tries (credit-suite.lending.account-try-timeout and the TC's round
 * trips): the caller (gateway) should allow at least {@code credit-suite.lending.global-timeout}.
 */
@DubboService
public class LendingProvider implements LendingService {
    private final DrawdownHandler drawdowns;
    private final RepayLoanHandler repayments;
    private final LoanQueries queries;

    public LendingProvider(DrawdownHandler drawdowns, RepayLoanHandler repayments, LoanQueries queries) {
        this.drawdowns = drawdowns;
        this.repayments = repayments;
        this.queries = queries;
    }

    @Override
    public DrawdownResult drawdown(DrawdownRequest request) {
        // refused before anything is written: the drawdown begins its own global transaction
        if (RootContext.getXID() != null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "drawdown begins its own global transaction; it was"
                    + " called inside " + RootContext.getXID());
        }
        return DrawdownStages.time(DrawdownStages.DRAWDOWN, () -> drawdowns.drawdown(request));
    }

    @Override
    public LoanView loan(String partnerId, String loanId) {
        return queries.loan(partnerId, loanId);
    }

    @Override
    public RepaymentResult repay(RepaymentRequest request) {
        return repayments.repay(request);
    }

    @Override
    public List<RepaymentView> repayments(String partnerId, String loanId) {
        return queries.repayments(partnerId, loanId);
    }
}
