package io.creditsuite.credit.infrastructure.rpc;

import io.creditsuite.api.credit.CreditStateService;
import io.creditsuite.api.credit.HoldStateView;
import io.creditsuite.api.lending.LoanView;
import io.creditsuite.api.lending.RepaymentView;
import io.creditsuite.credit.application.CreditStateQueries;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** Internal reads of credit-service's current state over Dubbo, for reconcile-service. */
@DubboService
public class CreditStateProvider implements CreditStateService {
    private final CreditStateQueries queries;

    public CreditStateProvider(CreditStateQueries queries) {
        this.queries = queries;
    }

    @Override
    public HoldStateView hold(String holdId) {
        return queries.hold(holdId);
    }

    @Override
    public LoanView loan(String loanId) {
        return queries.loan(loanId);
    }

    @Override
    public List<RepaymentView> repayments(String loanId) {
        return queries.repayments(loanId);
    }
}
