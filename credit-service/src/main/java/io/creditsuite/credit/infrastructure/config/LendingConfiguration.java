package io.creditsuite.credit.infrastructure.config;

import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.credit.application.CreditStateQueries;
import io.creditsuite.credit.application.FreezeLimitHandler;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.application.LimitOperationRunner;
import io.creditsuite.credit.application.NodeTreeQueryHandler;
import io.creditsuite.credit.application.RegisterCustomerHandler;
import io.creditsuite.credit.application.lending.CompleteDisbursementHandler;
import io.creditsuite.credit.application.lending.DrawdownHandler;
import io.creditsuite.credit.application.lending.LendingIds;
import io.creditsuite.credit.application.lending.LoanBook;
import io.creditsuite.credit.application.lending.LoanQueries;
import io.creditsuite.credit.application.lending.OnboardCustomerHandler;
import io.creditsuite.credit.application.lending.PartnerCustomerBook;
import io.creditsuite.credit.application.lending.PartnerCustomerQueries;
import io.creditsuite.credit.application.lending.PartnerHoldsHandler;
import io.creditsuite.credit.application.lending.PartnerOwnership;
import io.creditsuite.credit.application.lending.RegisterLendingPartnerHandler;
import io.creditsuite.credit.application.lending.RepayLoanHandler;
import io.creditsuite.credit.application.lending.RepaymentBook;
import io.creditsuite.credit.application.lending.ResolvePendingLoansHandler;
import io.creditsuite.credit.application.lending.SettleRepaymentHandler;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.lending.LendingEvents;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import io.creditsuite.credit.domain.lending.PartnerRepository;
import io.creditsuite.credit.domain.lending.RepaymentRepository;
import io.creditsuite.credit.infrastructure.lending.DubboLedger;
import io.creditsuite.credit.infrastructure.lending.OutboxLendingEvents;
import io.creditsuite.credit.infrastructure.lending.PauseBeforeCommit;
import io.creditsuite.credit.infrastructure.lending.SeataDrawdownTransaction;
import io.creditsuite.credit.infrastructure.rpc.CreditLimitTccAction;
import io.creditsuite.support.outbox.Outbox;
import java.time.Clock;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Wires lending's use cases (issue 11) to their adapters. */
@Configuration(proxyBeanMethods = false)
class LendingConfiguration {

    /** account-service's ledger; each call sets its own timeout (credit-suite.lending.ledger-timeout). */
    @Bean
    @DubboReference
    ReferenceBean<LedgerService> lendingLedgerService() {
        return new ReferenceBean<>();
    }

    /** account-service's TCC transfers; the try's timeout is set per call (credit-suite.lending.account-try-timeout). */
    @Bean
    @DubboReference
    ReferenceBean<AccountTransferService> lendingAccountTransferService() {
        return new ReferenceBean<>();
    }

    @Bean
    DubboLedger dubboLedger(LedgerService ledger, AccountTransferService transfers, LendingProperties properties) {
        return new DubboLedger(ledger, transfers, properties.ledgerTimeout());
    }

    @Bean
    SeataDrawdownTransaction seataDrawdownTransaction(CreditLimitTccAction creditTry, AccountTransferService transfers,
                                                      LendingProperties properties, LendingFaultProperties faults,
                                                      Environment environment) {
        return new SeataDrawdownTransaction(creditTry, transfers, properties.globalTimeout(),
                properties.accountTryTimeout(), pauseBeforeCommit(faults, environment));
    }

    /** The fault-injection pause (off unless its file is named); a production start with it set fails. */
    static PauseBeforeCommit pauseBeforeCommit(LendingFaultProperties faults, Environment environment) {
        if (faults.pauseBeforeCommitFile() == null) {
            return PauseBeforeCommit.off();
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("credit-suite.lending.faults.pause-before-commit-file is a fault-injection"
                    + " hook for tests; it is refused in the prod profile");
        }
        LoggerFactory.getLogger(LendingConfiguration.class).warn("FAULT INJECTION is on: drawdowns pause before their"
                + " commit while {} exists", faults.pauseBeforeCommitFile());
        return PauseBeforeCommit.whileFileExists(faults.pauseBeforeCommitFile(), faults.pauseAtMost());
    }

    /** Appends to the outbox when a bean of it exists, else logs (see OutboxLendingEvents). */
    @Bean
    OutboxLendingEvents lendingEvents(ObjectProvider<Outbox> outbox, Clock clock) {
        return new OutboxLendingEvents(outbox, clock);
    }

    @Bean
    LendingIds lendingIds(Clock clock) {
        return new LendingIds(clock);
    }

    @Bean
    PartnerOwnership partnerOwnership(PartnerRepository partners, PartnerCustomerRepository customers,
                                      LoanRepository loans, LimitOperationRunner operations) {
        return new PartnerOwnership(partners, customers, loans, operations);
    }

    @Bean
    RegisterLendingPartnerHandler registerLendingPartnerHandler(PartnerRepository partners, Clock clock) {
        return new RegisterLendingPartnerHandler(partners, clock);
    }

    @Bean
    PartnerCustomerBook partnerCustomerBook(PartnerCustomerRepository customers, RegisterCustomerHandler register) {
        return new PartnerCustomerBook(customers, register);
    }

    @Bean
    OnboardCustomerHandler onboardCustomerHandler(PartnerOwnership ownership, PartnerCustomerRepository customers,
                                                  PartnerCustomerBook book, DubboLedger ledger, LendingIds ids,
                                                  Clock clock) {
        return new OnboardCustomerHandler(ownership, customers, book, ledger, ids, clock);
    }

    @Bean
    PartnerCustomerQueries partnerCustomerQueries(PartnerOwnership ownership, NodeTreeQueryHandler tree,
                                                  DubboLedger ledger) {
        return new PartnerCustomerQueries(ownership, tree, ledger);
    }

    @Bean
    LoanBook loanBook(LoanRepository loans, PartnerRepository partners, PartnerCustomerRepository customers,
                      HoldOperationHandler holds, LendingEvents events, Clock clock) {
        return new LoanBook(loans, partners, customers, holds, events, clock);
    }

    @Bean
    CompleteDisbursementHandler completeDisbursementHandler(LoanRepository loans, LimitDirectory directory,
                                                            DubboLedger ledger, LoanBook book, Clock clock) {
        return new CompleteDisbursementHandler(loans, directory, ledger, book, clock);
    }

    @Bean
    DrawdownHandler drawdownHandler(PartnerOwnership ownership, LimitOperationRunner operations, LoanRepository loans,
                                    LoanBook book, SeataDrawdownTransaction transaction,
                                    CompleteDisbursementHandler completion, LendingIds ids, Clock clock) {
        return new DrawdownHandler(ownership, operations, loans, book, transaction, completion, ids, clock);
    }

    @Bean
    ResolvePendingLoansHandler resolvePendingLoansHandler(LoanRepository loans, LimitDirectory directory, LoanBook book,
                                                          Clock clock, LendingProperties properties) {
        return new ResolvePendingLoansHandler(loans, directory, book, clock,
                properties.globalTimeout().plus(properties.recoveryMargin()));
    }

    @Bean
    RepaymentBook repaymentBook(LoanRepository loans, RepaymentRepository repayments, PartnerRepository partners,
                                PartnerCustomerRepository customers, HoldOperationHandler holds, LendingEvents events,
                                LendingIds ids, Clock clock) {
        return new RepaymentBook(loans, repayments, partners, customers, holds, events, ids, clock);
    }

    @Bean
    SettleRepaymentHandler settleRepaymentHandler(RepaymentRepository repayments, LoanRepository loans,
                                                  PartnerRepository partners, PartnerCustomerRepository customers,
                                                  DubboLedger ledger, RepaymentBook book, Clock clock) {
        return new SettleRepaymentHandler(repayments, loans, partners, customers, ledger, book, clock);
    }

    @Bean
    RepayLoanHandler repayLoanHandler(PartnerOwnership ownership, LimitOperationRunner operations,
                                      RepaymentRepository repayments, LoanRepository loans, RepaymentBook book,
                                      SettleRepaymentHandler settle, Clock clock) {
        return new RepayLoanHandler(ownership, operations, repayments, loans, book, settle, clock);
    }

    @Bean
    CreditStateQueries creditStateQueries(LimitDirectory directory, LoanRepository loans,
                                          RepaymentRepository repayments) {
        return new CreditStateQueries(directory, loans, repayments);
    }

    @Bean
    LoanQueries loanQueries(PartnerOwnership ownership, RepaymentRepository repayments) {
        return new LoanQueries(ownership, repayments);
    }

    @Bean
    PartnerHoldsHandler partnerHoldsHandler(PartnerOwnership ownership, PartnerCustomerRepository customers,
                                            LimitOperationRunner operations, FreezeLimitHandler freeze,
                                            HoldOperationHandler holds) {
        return new PartnerHoldsHandler(ownership, customers, operations, freeze, holds);
    }
}
