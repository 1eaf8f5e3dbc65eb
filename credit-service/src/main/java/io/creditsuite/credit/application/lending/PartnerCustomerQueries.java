package io.creditsuite.credit.application.lending;

import io.creditsuite.api.account.StatementPage;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.NodeScope;
import io.creditsuite.api.credit.NodeTreeQuery;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.credit.application.NodeTreeQueryHandler;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A partner's view of its customers: the customer, its limit tree, its loan account's statement. */
public class PartnerCustomerQueries {
    static final int PAGE_MAX = 100;

    private final PartnerOwnership ownership;
    private final NodeTreeQueryHandler tree;
    private final LoanAccountStatements statements;

    public PartnerCustomerQueries(PartnerOwnership ownership, NodeTreeQueryHandler tree, LoanAccountStatements statements) {
        this.ownership = ownership;
        this.tree = tree;
        this.statements = statements;
    }

    public CustomerView customer(String partnerId, String customerId) {
        PartnerCustomer customer = ownership.customer(partnerId, customerId);
        return LendingViews.customer(customer, ownership.partner(partnerId).currency());
    }

    /** Every node of every line the customer HOLDS (not the lines it granted, which the customer scope also finds). */
    public List<LimitNodeView> limitTree(String partnerId, String customerId) {
        PartnerCustomer customer = ownership.customer(partnerId, customerId);
        return tree.handle(new NodeTreeQuery(NodeScope.CUSTOMER, customer.customerId())).stream()
                .filter(node -> node.holderId().equals(customer.customerId()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    public StatementPage statement(String partnerId, String customerId, long afterVersion, int pageSize) {
        PartnerCustomer customer = ownership.customer(partnerId, customerId);
        if (pageSize < 1 || pageSize > PAGE_MAX || afterVersion < 0) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "pageSize must be 1.." + PAGE_MAX
                    + " and afterVersion >= 0, got " + pageSize + " and " + afterVersion);
        }
        if (!customer.hasLoanAccount()) {
            // onboarding stopped before the account was opened: nothing can have been posted for the customer
            return new StatementPage(0, new ArrayList<>(), null);
        }
        return statements.statement(customer.loanAccountId(), afterVersion, pageSize);
    }
}
