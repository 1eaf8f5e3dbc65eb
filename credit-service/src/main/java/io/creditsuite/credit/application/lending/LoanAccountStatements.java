package io.creditsuite.credit.application.lending;

import io.creditsuite.api.account.StatementPage;

/** A page of a ledger account's journal (account-service's statement, passed through to the partner). */
public interface LoanAccountStatements {
    StatementPage statement(long accountId, long afterVersion, int pageSize);
}
