package io.creditsuite.gateway.infrastructure.demo;

import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.ChainReport;
import io.creditsuite.api.account.EntrySide;
import io.creditsuite.api.account.JournalEntryView;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.LendingPartnerService;
import io.creditsuite.api.lending.LendingPartnerView;
import io.creditsuite.api.lending.PartnerCustomerService;
import java.util.ArrayList;
import java.util.List;

/**
 * The money invariants of a demo lender, read through the services' public APIs once the stack has drained
 * (no drawdown or repayment running):
 * <pre>
 *   per customer c:  used(c's line) = balance(c's loan account)          credit used = loan principal outstanding
 *                    inTransit(c's loan account) = 0                       no payout left half done
 *   per node n:      used(n) + frozen(n) &lt;= limit(n)                     no node over its limit
 *   the lender:      balance(funding) + sum balance(loan accounts) - balance(interest income) = initial funding
 *                    frozen(funding) = 0                                   nothing stays frozen
 *   every account:   its journal's hash chain is intact
 * </pre>
 * The conservation line holds because the demo lender's funding account moves only with its loans: a drawdown
 * moves principal from funding to a loan account, a repayment moves principal back and adds the interest, which
 * the income account records. The initial funding is read from the ledger (the seed's funding posting,
 * {@link DemoLender#fundingVoucher}), so a lender seeded with other terms is checked against its own.
 */
final class DemoInvariants {
    private final LedgerService ledger;
    private final LendingPartnerService partners;
    private final PartnerCustomerService customers;

    DemoInvariants(LedgerService ledger, LendingPartnerService partners, PartnerCustomerService customers) {
        this.ledger = ledger;
        this.partners = partners;
        this.customers = customers;
    }

    record CustomerCheck(String customerId, long creditUsedMinor, long loanBalanceMinor, long loanInTransitMinor,
                         boolean nodesWithinLimits, boolean chainIntact) {
        boolean holds() {
            return creditUsedMinor == loanBalanceMinor && loanInTransitMinor == 0 && nodesWithinLimits && chainIntact;
        }
    }

    record Report(String partnerId, boolean holds, long fundingBalanceMinor, long fundingFrozenMinor,
                  long interestIncomeMinor, long conservationMinor, long initialFundingMinor, boolean ledgerChainsIntact,
                  List<CustomerCheck> customers, List<String> violations) {
    }

    Report check(String partnerId, List<String> customerIds) {
        LendingPartnerView partner = partners.partner(partnerId);
        AccountView funding = ledger.account(partner.fundingAccountId());
        AccountView income = ledger.account(partner.interestIncomeAccountId());
        List<CustomerCheck> checks = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        long loans = 0;
        for (String customerId : customerIds) {
            CustomerCheck check = checkCustomer(partnerId, customerId);
            checks.add(check);
            loans = Math.addExact(loans, check.loanBalanceMinor());
            if (!check.holds()) {
                violations.add("customer " + customerId + ": " + check);
            }
        }
        long initialFunding = initialFunding(partnerId, funding.accountId());
        long conservation = funding.balanceMinor() + loans - income.balanceMinor();
        if (conservation != initialFunding) {
            violations.add("funding + loans - interest = " + conservation + ", expected " + initialFunding);
        }
        if (funding.frozenMinor() != 0) {
            violations.add("the funding account still has " + funding.frozenMinor() + " frozen");
        }
        boolean chains = intact(funding.accountId()) && intact(income.accountId());
        if (!chains) {
            violations.add("a chain of the funding or income account is broken");
        }
        return new Report(partnerId, violations.isEmpty(), funding.balanceMinor(), funding.frozenMinor(),
                income.balanceMinor(), conservation, initialFunding, chains, List.copyOf(checks),
                List.copyOf(violations));
    }

    private CustomerCheck checkCustomer(String partnerId, String customerId) {
        CustomerView customer = customers.customer(partnerId, customerId);
        List<LimitNodeView> tree = customers.limitTree(partnerId, customerId);
        long used = tree.stream().filter(n -> n.level().equals("LIMIT_TYPE") && customerId.equals(n.holderId()))
                .mapToLong(LimitNodeView::usedMinor).sum();
        boolean withinLimits = tree.stream().allMatch(n -> n.usedMinor() + n.frozenMinor() <= n.limitMinor());
        AccountView loan = ledger.account(customer.loanAccountId());
        return new CustomerCheck(customerId, used, loan.balanceMinor(), loan.inTransitMinor(), withinLimits,
                intact(loan.accountId()));
    }

    /** The debit of the funding account in the seed's funding posting. */
    private long initialFunding(String partnerId, long fundingAccountId) {
        return ledger.entriesByVoucher(DemoLender.fundingVoucher(partnerId)).entries().stream()
                .filter(e -> e.accountId() == fundingAccountId && e.entrySide() == EntrySide.DEBIT && !e.reversal())
                .mapToLong(JournalEntryView::amountMinor).sum();
    }

    private boolean intact(long accountId) {
        ChainReport report = ledger.verifyChain(accountId);
        return report.intact();
    }
}
