package io.creditsuite.api.account;

import io.creditsuite.api.error.ApiException;

/**
 * TransOut / TransIn as Seata TCC participants (useTCCFence). Call inside a global transaction
 * (the XID travels as a Dubbo attachment). Try freezes (OUT: available to frozen) or promises
 * (IN: in transit); the global commit posts with journal entries; the rollback releases and
 * leaves a record.
 */
public interface AccountTransferService {
    void transOut(TransferBranchRequest request) throws ApiException;

    void transIn(TransferBranchRequest request) throws ApiException;

    /** The branch's record; NOT_FOUND when no try reached this service. */
    TransferView transfer(String transferId, TransferDirection direction) throws ApiException;
}
