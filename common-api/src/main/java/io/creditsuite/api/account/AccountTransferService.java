package io.creditsuite.api.account;

import io.creditsuite.api.error.ApiException;

/**
 * TransOut / TransIn as Seata TCC participants (useTCCFence). Call inside a global transaction
 * (the XID travels as a Dubbo attachment). Try reserves both legs of the confirm's posting, on the
 * account and on the contra account (a leg that lowers a balance: available to frozen; one that raises
 * it: in transit), so it refuses up front what the confirm could not do; the global commit posts with
 * journal entries (voucher {@code #TCC-<transferId>-<OUT|IN>}) and cannot fail for a business reason;
 * the rollback releases both and leaves a record.
 */
public interface AccountTransferService {
    void transOut(TransferBranchRequest request) throws ApiException;

    void transIn(TransferBranchRequest request) throws ApiException;

    /** The branch's record; NOT_FOUND when no try reached this service. */
    TransferView transfer(String transferId, TransferDirection direction) throws ApiException;
}
