package io.creditsuite.reconcile.application.discrepancy;

/** The ledger, asked whether a corrective booking was posted. */
public interface CorrectiveVouchers {
    /**
     * @return whether the ledger has a posting with this voucher
     * @throws RuntimeException when the ledger cannot be asked (the caller's action fails and can be retried)
     */
    boolean posted(String voucherNo);
}
