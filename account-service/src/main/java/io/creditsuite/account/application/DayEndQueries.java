package io.creditsuite.account.application;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.AccountingCalendar;
import io.creditsuite.account.domain.DayEndError;
import io.creditsuite.account.domain.DayEndException;
import io.creditsuite.account.domain.DayEndRepository;
import io.creditsuite.account.domain.EndOfDayBalance;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.NearRealTimeBalance;
import java.time.LocalDate;
import java.util.List;

/** Reads of the day-end cutover: end-of-day balances and near-real-time balances. */
public class DayEndQueries {

    /** A near-real-time balance with the account and the date it was read on. */
    public record NearRealTime(Account account, LocalDate dateInForce, NearRealTimeBalance balance) {
    }

    private final DayEndRepository repository;
    private final AccountRepository accounts;
    private final AccountingCalendar calendar;
    private final DayEndSettings settings;

    public DayEndQueries(DayEndRepository repository, AccountRepository accounts, AccountingCalendar calendar,
                         DayEndSettings settings) {
        this.repository = repository;
        this.accounts = accounts;
        this.calendar = calendar;
        this.settings = settings;
    }

    public LocalDate dateInForce() {
        return calendar.dateInForce();
    }

    public EndOfDayBalance endOfDay(long accountId, LocalDate date) {
        require(accountId);
        return repository.balance(accountId, date).orElseThrow(() -> new DayEndException(DayEndError.BALANCE_NOT_FOUND,
                "account " + accountId + " has no end-of-day balance for " + date + " (not closed yet?)"));
    }

    public NearRealTime nearRealTime(long accountId) {
        return nearRealTime(accountId, settings.nearRealTimeOffset());
    }

    /** For a split account, the sum over its sub-accounts (its own row holds no money). */
    public NearRealTime nearRealTime(long accountId, int offsetDays) {
        Account account = require(accountId);
        LocalDate inForce = calendar.dateInForce();
        LocalDate limit = NearRealTimeBalance.baseLimit(inForce, offsetDays);
        // a split account's own end-of-day balance is already its sub-accounts' sum: count each sub-account once
        List<Long> subs = account.mode().split() ? accounts.subAccountIds(accountId) : List.of();
        List<Long> rows = subs.isEmpty() ? List.of(accountId) : subs;
        NearRealTimeBalance total = null;
        for (long row : rows) {
            NearRealTimeBalance one = repository.nearRealTime(row, limit);
            total = total == null ? one : total.plus(one);
        }
        return new NearRealTime(account, inForce, total);
    }

    private Account require(long accountId) {
        return accounts.find(accountId).orElseThrow(() -> new LedgerException(LedgerError.ACCOUNT_NOT_FOUND,
                "account " + accountId + " does not exist"));
    }
}
