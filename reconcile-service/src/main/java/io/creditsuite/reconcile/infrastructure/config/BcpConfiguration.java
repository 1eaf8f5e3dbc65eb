package io.creditsuite.reconcile.infrastructure.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.credit.CreditStateService;
import io.creditsuite.reconcile.application.discrepancy.CorrectiveVouchers;
import io.creditsuite.reconcile.application.discrepancy.DiscrepancyDesk;
import io.creditsuite.reconcile.application.realtime.Counterparts;
import io.creditsuite.reconcile.application.realtime.DiscrepancyBook;
import io.creditsuite.reconcile.application.realtime.OverduePairs;
import io.creditsuite.reconcile.application.realtime.RealTimeChecks;
import io.creditsuite.reconcile.application.rule.BcpRuleAdministration;
import io.creditsuite.reconcile.infrastructure.bcp.AviatorRuleExpressions;
import io.creditsuite.reconcile.infrastructure.bcp.BcpEventConsumer;
import io.creditsuite.reconcile.infrastructure.bcp.BcpEventListener;
import io.creditsuite.reconcile.infrastructure.bcp.BcpMetrics;
import io.creditsuite.reconcile.infrastructure.bcp.DubboCorrectiveVouchers;
import io.creditsuite.reconcile.infrastructure.bcp.DubboCounterparts;
import io.creditsuite.reconcile.infrastructure.bcp.JdbcDiscrepancyReads;
import io.creditsuite.reconcile.infrastructure.bcp.JdbcDiscrepancyStore;
import io.creditsuite.reconcile.infrastructure.bcp.JdbcFactStore;
import io.creditsuite.reconcile.infrastructure.bcp.JdbcPairRules;
import io.creditsuite.reconcile.infrastructure.bcp.JdbcPairStore;
import io.creditsuite.reconcile.infrastructure.bcp.JdbcRuleVersions;
import io.creditsuite.support.mq.ConsumeOnce;
import io.creditsuite.support.mq.ConsumedMessages;
import io.creditsuite.support.mq.PushConsumer;
import io.creditsuite.support.schedule.PeriodicSweep;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires BCP's real-time checks (issue 13): the event consumer, the pair rules, the overdue sweep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BcpConfiguration {
    /** Pairs decided per sweep. */
    private static final int SWEEP_BATCH = 200;

    @Bean
    Clock bcpClock() {
        return Clock.systemUTC();
    }

    @Bean
    JdbcFactStore bcpFacts(JdbcTemplate jdbc, ObjectMapper json, Clock bcpClock) {
        return new JdbcFactStore(jdbc, json, bcpClock);
    }

    @Bean
    DiscrepancyBook discrepancyBook(JdbcTemplate jdbc) {
        return new DiscrepancyBook(new JdbcDiscrepancyStore(jdbc));
    }

    @Bean
    AviatorRuleExpressions ruleExpressions() {
        return new AviatorRuleExpressions();
    }

    @Bean
    RealTimeChecks realTimeChecks(JdbcFactStore facts, JdbcTemplate jdbc, DiscrepancyBook book,
                                  AviatorRuleExpressions expressions, Clock bcpClock) {
        return new RealTimeChecks(facts, new JdbcPairRules(jdbc), new JdbcPairStore(jdbc), expressions, book,
                bcpClock);
    }

    @Bean
    BcpRuleAdministration bcpRuleAdministration(JdbcTemplate jdbc, ObjectMapper json,
                                                AviatorRuleExpressions expressions, Clock bcpClock) {
        return new BcpRuleAdministration(new JdbcRuleVersions(jdbc, json), expressions, bcpClock);
    }

    @Bean
    @DubboReference
    ReferenceBean<AccountTransferService> bcpAccountTransfers() {
        return new ReferenceBean<>();
    }

    @Bean
    @DubboReference
    ReferenceBean<LedgerService> bcpLedger() {
        return new ReferenceBean<>();
    }

    @Bean
    @DubboReference
    ReferenceBean<CreditStateService> bcpCreditState() {
        return new ReferenceBean<>();
    }

    /**
     * A credit fact still missing {@code credit-suite.bcp.source-grace} (10 min) past its deadline is raised: a hold
     * still frozen after its expiry or after a TCC try (the expiry sweeper or phase two did not run), a loan still
     * PENDING or a repayment not applied after the ledger's side (credit's sweepers did not run).
     */
    @Bean
    Counterparts counterparts(AccountTransferService transfers, LedgerService ledger, CreditStateService creditState,
                              Clock bcpClock, @Value("${credit-suite.bcp.source-grace:10m}") Duration grace) {
        return new DubboCounterparts(transfers, ledger, creditState, bcpClock, grace);
    }

    /**
     * A missing side whose source of truth has it waits {@code credit-suite.bcp.max-extensions} (3) more windows
     * before it is raised anyway; more than {@code credit-suite.bcp.flood-cap} (50) of one rule in one sweep open one
     * META-CAP discrepancy instead.
     */
    @Bean
    OverduePairs overduePairs(JdbcTemplate jdbc, JdbcFactStore facts, Counterparts counterparts, DiscrepancyBook book,
                              @Value("${credit-suite.bcp.max-extensions:3}") int maxExtensions,
                              @Value("${credit-suite.bcp.flood-cap:50}") int floodCap) {
        return new OverduePairs(new JdbcPairStore(jdbc), new JdbcPairRules(jdbc), facts, counterparts, book,
                maxExtensions, floodCap);
    }

    /** Decides overdue pairs every {@code credit-suite.bcp.sweep-interval} (5 s); a failed sweep is counted. */
    @Bean
    SchedulingConfigurer overdueSweep(OverduePairs overdue, Clock bcpClock, BcpMetrics metrics,
                                      @Value("${credit-suite.bcp.sweep-interval:5s}") Duration interval) {
        return PeriodicSweep.every(interval, "BCP pair(s) missing a side", () -> {
            try {
                return overdue.sweep(bcpClock.instant(), SWEEP_BATCH);
            } catch (RuntimeException e) {
                metrics.sweepFailed();
                throw e;
            }
        });
    }

    @Bean
    CorrectiveVouchers correctiveVouchers(LedgerService ledger) {
        return new DubboCorrectiveVouchers(ledger);
    }

    @Bean
    DiscrepancyDesk discrepancyDesk(JdbcTemplate jdbc, CorrectiveVouchers vouchers, Clock bcpClock) {
        return new DiscrepancyDesk(new JdbcDiscrepancyStore(jdbc), new JdbcDiscrepancyReads(jdbc), vouchers,
                bcpClock);
    }

    @Bean
    BcpMetrics bcpMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        return new BcpMetrics(jdbc, meters);
    }

    /** Refreshes bcp_discrepancies_open every {@code credit-suite.bcp.metrics-interval} (15 s). */
    @Bean
    SchedulingConfigurer bcpMetricsRefresh(BcpMetrics metrics,
                                           @Value("${credit-suite.bcp.metrics-interval:15s}") Duration interval) {
        return PeriodicSweep.every(interval, "BCP gauge refresh(es)", () -> {
            metrics.refresh();
            return 0;
        });
    }

    @Bean
    BcpEventListener bcpEventListener(RealTimeChecks checks, JdbcTemplate jdbc,
                                      PlatformTransactionManager transactionManager, Clock bcpClock, ObjectMapper json,
                                      BcpMetrics metrics) {
        ConsumeOnce once = new ConsumeOnce(new ConsumedMessages(jdbc, transactionManager, bcpClock), transactionManager,
                BcpEventConsumer.GROUP);
        return new BcpEventListener(checks, once, json, metrics);
    }

    @Bean
    PushConsumer bcpEventConsumer(BcpEventListener listener, @Value("${rocketmq.name-server}") String nameServer) {
        return BcpEventConsumer.of(listener, nameServer);
    }
}
