package io.creditsuite.reconcile.infrastructure.bcp;

import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.reconcile.application.discrepancy.CorrectiveVouchers;

/** The ledger's postings by voucher, over Dubbo. */
public class DubboCorrectiveVouchers implements CorrectiveVouchers {
    private final LedgerService ledger;

    public DubboCorrectiveVouchers(LedgerService ledger) {
        this.ledger = ledger;
    }

    @Override
    public boolean posted(String voucherNo) {
        try {
            return ledger.entriesByVoucher(voucherNo).outcome() == PostingOutcome.POSTED;
        } catch (ApiException e) {
            if (e.errorCode().httpStatus() == 404 || e.errorCode() == ErrorCode.INVALID_ARGUMENT) {
                return false;
            }
            throw e;
        }
    }
}
