package io.creditsuite.credit.application.lending;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.application.LimitOperationRunner;
import io.creditsuite.credit.application.Requests;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import io.creditsuite.credit.domain.lending.PartnerRepository;

/**
 * Every partner-facing lookup: what belongs to another partner is answered exactly as what does not exist (the same
 * 404 code and the same message), so a partner cannot enumerate others' customers, lines, loans or holds.
 */
public class PartnerOwnership {
    private final PartnerRepository partners;
    private final PartnerCustomerRepository customers;
    private final LoanRepository loans;
    private final LimitOperationRunner operations;

    public PartnerOwnership(PartnerRepository partners, PartnerCustomerRepository customers, LoanRepository loans,
                            LimitOperationRunner operations) {
        this.partners = partners;
        this.customers = customers;
        this.loans = loans;
        this.operations = operations;
    }

    public LendingPartner partner(String partnerId) {
        Requests.requireId(partnerId, "partnerId");
        return partners.byId(partnerId).orElseThrow(() -> new ApiException(ErrorCode.LENDING_PARTNER_UNKNOWN,
                "no lending partner " + partnerId));
    }

    public PartnerCustomer customer(String partnerId, String customerId) {
        Requests.requireId(partnerId, "partnerId");
        Requests.requireId(customerId, "customerId");
        return customers.byId(customerId).filter(c -> c.ownedBy(partnerId))
                .orElseThrow(() -> new ApiException(ErrorCode.CREDIT_CUSTOMER_UNKNOWN, "no credit customer " + customerId));
    }

    /** A line the (owned) customer holds. */
    public CreditLine line(PartnerCustomer customer, String lineId) {
        Requests.requireId(lineId, "lineId");
        return operations.directory().line(lineId).filter(l -> l.holderId().equals(customer.customerId()))
                .orElseThrow(() -> new ApiException(ErrorCode.CREDIT_LINE_UNKNOWN, "no credit line " + lineId));
    }

    public Loan loan(String partnerId, String loanId) {
        Requests.requireId(partnerId, "partnerId");
        Requests.requireId(loanId, "loanId");
        return loans.byId(loanId).filter(l -> l.partnerId().equals(partnerId))
                .orElseThrow(() -> new ApiException(ErrorCode.LOAN_UNKNOWN, "no loan " + loanId));
    }

    public static ApiException unknownHold(String holdId) {
        return new ApiException(ErrorCode.HOLD_UNKNOWN, "no hold " + holdId);
    }
}
