package io.creditsuite.account.infrastructure.config;

import io.creditsuite.account.application.AccountDirectory;
import io.creditsuite.account.application.AggregateHandler;
import io.creditsuite.account.application.BatchRunner;
import io.creditsuite.account.application.BufferedPostingGate;
import io.creditsuite.account.application.BufferedPostingQueue;
import io.creditsuite.account.application.ChangeAccountStatusHandler;
import io.creditsuite.account.application.CollectionHandler;
import io.creditsuite.account.application.DayEndQueries;
import io.creditsuite.account.application.DayEndSettings;
import io.creditsuite.account.application.DayEndSteps;
import io.creditsuite.account.application.GroupCommitWriters;
import io.creditsuite.account.infrastructure.metrics.LedgerMetrics;
import io.creditsuite.account.application.HotDetector;
import io.creditsuite.account.application.LedgerQueries;
import io.creditsuite.account.application.LedgerWriter;
import io.creditsuite.account.application.OpenAccountHandler;
import io.creditsuite.account.application.PostHandler;
import io.creditsuite.account.application.PostingTransactions;
import io.creditsuite.account.application.RestoreNormalModeHandler;
import io.creditsuite.account.application.ReverseHandler;
import io.creditsuite.account.application.RunDayEndCutoverHandler;
import io.creditsuite.account.application.TransferHandler;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.AccountingCalendar;
import io.creditsuite.account.domain.BufferedOutflows;
import io.creditsuite.account.domain.BufferedRefusalRepository;
import io.creditsuite.account.domain.DayEndRepository;
import io.creditsuite.account.domain.JournalRepository;
import io.creditsuite.account.domain.LedgerEvents;
import io.creditsuite.account.domain.LoanRepaymentEvents;
import io.creditsuite.account.domain.PendingCreditRepository;
import io.creditsuite.account.domain.StatusChangeLog;
import io.creditsuite.account.domain.TransferEvents;
import io.creditsuite.account.domain.TransferRepository;
import io.creditsuite.account.infrastructure.persistence.TranslatingPostingTransactions;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the ledger's use cases to their adapters: the application classes are plain Java (the only Spring they
 * use is {@code @Transactional}, which works on these beans as on any other), so the framework stays here.
 * Threads the use cases own are stopped by their {@code close()} when the context closes.
 */
@Configuration(proxyBeanMethods = false)
class AccountUseCaseConfiguration {

    // --- the posting path: routing, the writer, its transactions, the lanes of hot accounts

    @Bean
    AccountDirectory accountDirectory(AccountRepository accounts) {
        return new AccountDirectory(accounts);
    }

    @Bean
    LedgerWriter ledgerWriter(AccountRepository accounts, JournalRepository journal, PendingCreditRepository pending,
                              AccountingCalendar calendar, AccountDirectory directory, LoanRepaymentEvents repayments) {
        return new LedgerWriter(accounts, journal, pending, calendar, directory, repayments);
    }

    /** The writer's transaction (the LedgerWriter bean is the transactional proxy) with the store's failures translated. */
    @Bean
    PostingTransactions postingTransactions(LedgerWriter writer) {
        return new TranslatingPostingTransactions(writer);
    }

    @Bean
    BatchRunner batchRunner(PostingTransactions transactions) {
        return new BatchRunner(transactions);
    }

    @Bean(destroyMethod = "close")
    GroupCommitWriters groupCommitWriters(BatchRunner runner) {
        return new GroupCommitWriters(runner);
    }

    @Bean
    LedgerMetrics ledgerMetrics(GroupCommitWriters writers, JdbcTemplate jdbc, Clock clock) {
        return new LedgerMetrics(writers, jdbc, clock);
    }

    @Bean(destroyMethod = "close")
    CollectionHandler collectionHandler(AccountDirectory directory, AccountRepository accounts, BatchRunner runner,
                                        LedgerEvents events) {
        return new CollectionHandler(directory, accounts, runner, events);
    }

    @Bean
    AggregateHandler aggregateHandler(LedgerWriter writer, PendingCreditRepository pending) {
        return new AggregateHandler(writer, pending);
    }

    @Bean
    RestoreNormalModeHandler restoreNormalModeHandler(AccountingCalendar calendar, LedgerWriter writer,
                                                      AccountRepository accounts, PendingCreditRepository pending) {
        return new RestoreNormalModeHandler(calendar, writer, accounts, pending);
    }

    @Bean
    HotDetector hotDetector(AccountDirectory directory, AccountRepository accounts, RestoreNormalModeHandler restore,
                            LedgerEvents events) {
        return new HotDetector(directory, accounts, restore, events);
    }

    @Bean
    BufferedPostingGate bufferedPostingGate(AccountDirectory directory, AccountRepository accounts,
                                            BufferedPostingQueue queue, BatchRunner runner,
                                            BufferedRefusalRepository refusals, BufferedOutflows outflows) {
        return new BufferedPostingGate(directory, accounts, queue, runner, refusals, outflows);
    }

    // --- the use cases callers reach through the adapters

    @Bean
    PostHandler postHandler(AccountDirectory directory, BatchRunner runner, GroupCommitWriters lanes,
                            JournalRepository journal, PendingCreditRepository pending, CollectionHandler collections,
                            HotDetector hotDetector, BufferedPostingGate buffered) {
        return new PostHandler(directory, runner, lanes, journal, pending, collections, hotDetector, buffered);
    }

    @Bean
    ReverseHandler reverseHandler(JournalRepository journal, PendingCreditRepository pending, LedgerWriter writer,
                                  BatchRunner runner) {
        return new ReverseHandler(journal, pending, writer, runner);
    }

    @Bean
    TransferHandler transferHandler(TransferRepository transfers, AccountRepository accounts, JournalRepository journal,
                                    AccountingCalendar calendar, TransferEvents events) {
        return new TransferHandler(transfers, accounts, journal, calendar, events);
    }

    @Bean
    OpenAccountHandler openAccountHandler(AccountRepository accounts) {
        return new OpenAccountHandler(accounts);
    }

    @Bean
    ChangeAccountStatusHandler changeAccountStatusHandler(AccountRepository accounts, PendingCreditRepository pending,
                                                          AccountingCalendar calendar, StatusChangeLog changes) {
        return new ChangeAccountStatusHandler(accounts, pending, calendar, changes);
    }

    @Bean
    LedgerQueries ledgerQueries(AccountRepository accounts, JournalRepository journal, PendingCreditRepository pending,
                                BufferedRefusalRepository refusals) {
        return new LedgerQueries(accounts, journal, pending, refusals);
    }

    // --- day-end cutover (日切); its settings, schedule and command are in DayEndConfiguration

    @Bean
    DayEndSteps dayEndSteps(DayEndRepository repository, LedgerWriter writer, AccountingCalendar calendar) {
        return new DayEndSteps(repository, writer, calendar);
    }

    @Bean
    RunDayEndCutoverHandler runDayEndCutoverHandler(DayEndSteps steps, DayEndSettings settings) {
        return new RunDayEndCutoverHandler(steps, settings);
    }

    @Bean
    DayEndQueries dayEndQueries(DayEndRepository repository, AccountRepository accounts, AccountingCalendar calendar,
                                DayEndSettings settings) {
        return new DayEndQueries(repository, accounts, calendar, settings);
    }
}
