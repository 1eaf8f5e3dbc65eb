package io.creditsuite.reconcile.application.full;

import io.creditsuite.reconcile.domain.check.BalanceRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per customer, as the two services have it now: credit used by its loans (in transit + in use) = their principal
 * outstanding in the ledger ({@code F-CUSTOMER-USED-LEDGER}); the loans' principal outstanding = the loan account's
 * balance ({@code F-CUSTOMER-LOANS-LEDGER}); frozen on its leaf nodes = frozen of the open holds
 * ({@code F-CUSTOMER-FROZEN}). Read in chunks of customers, credit first and then the ledger, so a customer with a
 * loan disbursing or a repayment pending is read once more and, still in flight, left to the next run; one whose
 * figures differ is read once more before it is reported (a drawdown between the two reads is not a discrepancy).
 */
public class CustomersPass implements FullCheckPass {
    public static final String NAME = "CUSTOMERS";
    static final String LEAF_FROZEN = "leafFrozen";
    static final String HOLDS_FROZEN = "holdsFrozen";
    static final String CREDIT_USED = "creditUsed";
    static final String LOAN_PRINCIPAL = "loanPrincipal";
    static final String LEDGER_PRINCIPAL = "ledgerPrincipal";
    /** The balances this pass measures of each customer (what a balance rule of the pass may name). */
    public static final Set<String> BALANCES = Set.of(LEAF_FROZEN, HOLDS_FROZEN, CREDIT_USED, LOAN_PRINCIPAL,
            LEDGER_PRINCIPAL);

    private final CreditSource credit;
    private final LedgerSource ledger;
    private final BalanceRules rules;
    private final int chunkCustomers;

    public CustomersPass(CreditSource credit, LedgerSource ledger, BalanceRules rules, int chunkCustomers) {
        this.credit = credit;
        this.ledger = ledger;
        this.rules = rules;
        this.chunkCustomers = chunkCustomers;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean covers(FullCheckScope scope) {
        return true;
    }

    /** Cursor: the last customer id done. */
    @Override
    public Chunk next(FullCheckScope scope, String cursor, String partial) {
        boolean one = scope.kind() == FullCheckScope.Kind.CUSTOMER;
        List<CreditSource.CustomerBalances> customers = one ? credit.customer(scope.customerId())
                : credit.customers(cursor, chunkCustomers);
        List<BalanceRule> inForce = rules.inForce(NAME);
        Map<Long, Long> loanAccounts = ledger.balances(customers.stream().map(CreditSource.CustomerBalances::loanAccountId)
                .filter(Objects::nonNull).toList());
        List<Subject> subjects = new ArrayList<>();
        for (CreditSource.CustomerBalances c : customers) {
            Subject measured = measure(c, loanAccounts);
            if (measured != null && fails(inForce, measured)) {
                measured = credit.customer(c.customerId()).stream().findFirst()
                        .map(again -> measure(again, ledger.balances(accountOf(again)))).orElse(null);
            }
            if (measured != null) {
                subjects.add(measured);
            }
        }
        boolean last = one || customers.size() < chunkCustomers;
        return new Chunk(last ? null : customers.get(customers.size() - 1).customerId(), null, customers.size(),
                subjects);
    }

    /** Null while a loan or repayment of the customer is in flight. */
    private static Subject measure(CreditSource.CustomerBalances c, Map<Long, Long> ledgerBalances) {
        if (c.inFlight() > 0) {
            return null;
        }
        Map<String, Long> balances = new HashMap<>();
        balances.put(LEAF_FROZEN, c.leafFrozen());
        balances.put(HOLDS_FROZEN, c.holdsFrozen());
        balances.put(CREDIT_USED, c.creditUsed());
        balances.put(LOAN_PRINCIPAL, c.loanPrincipal());
        if (c.loanAccountId() == null) {
            balances.put(LEDGER_PRINCIPAL, 0L);
        } else if (ledgerBalances.containsKey(c.loanAccountId())) {
            balances.put(LEDGER_PRINCIPAL, ledgerBalances.get(c.loanAccountId()));
        }
        String ids = "customer " + c.customerId() + (c.loanAccountId() == null ? "" : ", loan account "
                + c.loanAccountId()) + (c.loanIds() == null || c.loanIds().isEmpty() ? "" : ", loans " + c.loanIds());
        return Subject.of(c.customerId(), Subject.CURRENT_STATE, ids, balances);
    }

    private static List<Long> accountOf(CreditSource.CustomerBalances c) {
        return c.loanAccountId() == null ? List.of() : List.of(c.loanAccountId());
    }

    private static boolean fails(List<BalanceRule> inForce, Subject subject) {
        return inForce.stream().anyMatch(rule -> FullCheckFindings.failures(rule.equation(), subject) != null);
    }
}
