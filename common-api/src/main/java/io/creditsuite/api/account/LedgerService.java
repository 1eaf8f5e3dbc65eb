package io.creditsuite.api.account;

import io.creditsuite.api.error.ApiException;

/**
 * The double-entry ledger (账务). Every posting balances per currency; every voucher applies at
 * most once; the journal of each account is a hash chain. Bad input raises {@link ApiException}
 * with a CS-3xxx (or CS-1000) code and writes nothing.
 */
public interface LedgerService {
    AccountView openAccount(OpenAccountRequest request) throws ApiException;

    /** Balances of an account (sums over its sub-accounts for a split account). */
    AccountView account(long accountId) throws ApiException;

    PostingResult post(PostingRequest request) throws ApiException;

    PostingResult recharge(TemplateRequest request) throws ApiException;

    PostingResult withdraw(TemplateRequest request) throws ApiException;

    PostingResult collectServiceFee(TemplateRequest request) throws ApiException;

    PostingResult payServiceFee(TemplateRequest request) throws ApiException;

    PostingResult disburseLoan(TemplateRequest request) throws ApiException;

    PostingResult repayLoan(LoanRepayRequest request) throws ApiException;

    PostingResult reverse(ReversalRequest request) throws ApiException;

    /** The entries (and unfolded details) of a voucher, the reversal entries included. */
    PostingResult entriesByVoucher(String voucherNo) throws ApiException;

    StatementPage statement(StatementQuery query) throws ApiException;

    /** Walks the account's journal and names the first broken link. */
    ChainReport verifyChain(long accountId) throws ApiException;

    /**
     * The incremental walk (BCP's full check): from the entry of {@code verifiedVersion}, which must still carry
     * {@code verifiedHash} (64 hex digits) and match its fields, to the account's last entry and pending details.
     * Version 0 walks the whole chain; bad input is CS-1000.
     */
    ChainReport verifyChainAfter(long accountId, long verifiedVersion, String verifiedHash) throws ApiException;
}
