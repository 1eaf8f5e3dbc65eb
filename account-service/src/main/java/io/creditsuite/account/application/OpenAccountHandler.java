package io.creditsuite.account.application;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.NewAccount;
import org.springframework.transaction.annotation.Transactional;

/** Use case: open an account; a split account (SUBTRACT_FREQUENT, BOTH) gets its sub-accounts in the same transaction. */
public class OpenAccountHandler {
    private final AccountRepository accounts;

    public OpenAccountHandler(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional
    public Account open(NewAccount spec) {
        long id = accounts.insert(spec);
        if (spec.routing().mode().split()) {
            for (int i = 0; i < spec.routing().subAccounts(); i++) {
                accounts.insert(spec.subAccount(id));
            }
        }
        return accounts.find(id).orElseThrow();
    }
}
