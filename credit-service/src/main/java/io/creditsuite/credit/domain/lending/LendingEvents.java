package io.creditsuite.credit.domain.lending;

/** Business events of lending, each appended in the same local transaction as the fact it reports. */
public interface LendingEvents {
    void drawdownCommitted(Loan loan, LendingPartner partner, PartnerCustomer customer);

    void drawdownRefused(Loan loan);

    void disbursed(Loan loan, LendingPartner partner, PartnerCustomer customer);

    void repaid(Repayment repayment, Loan loan, LendingPartner partner, PartnerCustomer customer);
}
