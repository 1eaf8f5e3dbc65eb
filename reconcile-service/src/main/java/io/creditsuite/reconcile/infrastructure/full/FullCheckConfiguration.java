package io.creditsuite.reconcile.infrastructure.full;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.reconcile.application.full.ChainVerifications;
import io.creditsuite.reconcile.application.full.ChainsPass;
import io.creditsuite.reconcile.application.full.CustomersPass;
import io.creditsuite.reconcile.application.full.EndOfDayPass;
import io.creditsuite.reconcile.application.full.FullCheck;
import io.creditsuite.reconcile.application.full.FullCheckChunks;
import io.creditsuite.reconcile.application.full.FullCheckDesk;
import io.creditsuite.reconcile.application.full.FullCheckFindings;
import io.creditsuite.reconcile.application.full.FullCheckScope;
import io.creditsuite.reconcile.application.full.LedgerTotalsPass;
import io.creditsuite.reconcile.application.full.LimitNodesPass;
import io.creditsuite.reconcile.application.realtime.DiscrepancyBook;
import io.creditsuite.reconcile.application.rule.BalanceRuleAdministration;
import io.creditsuite.support.schedule.PeriodicSweep;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Wires BCP's full check (issue 13): read-only connections to credit-service's and account-service's schemas (a read
 * replica and a read-only user in production: {@code credit-suite.bcp.full-check.credit-url} / {@code account-url},
 * {@code username}, {@code password}), its passes, the T+1 run of yesterday ({@code credit-suite.bcp.full-check.cron},
 * UTC) and the resume of a run whose process died.
 */
@Configuration(proxyBeanMethods = false)
class FullCheckConfiguration {
    private static final String SCHEMA_URL = "jdbc:mysql://${credit-suite.middleware.db-host}:"
            + "${credit-suite.middleware.db-port}/";
    private static final String URL_OPTIONS = "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";

    @Bean(destroyMethod = "close")
    FullCheckSources fullCheckSources(
            @Value("${credit-suite.bcp.full-check.credit-url:" + SCHEMA_URL + "cs_credit" + URL_OPTIONS + "}") String creditUrl,
            @Value("${credit-suite.bcp.full-check.account-url:" + SCHEMA_URL + "cs_account" + URL_OPTIONS + "}") String accountUrl,
            @Value("${credit-suite.bcp.full-check.username:${credit-suite.middleware.db-user}}") String user,
            @Value("${credit-suite.bcp.full-check.password:${credit-suite.middleware.db-password}}") String password) {
        return new FullCheckSources(creditUrl, accountUrl, user, password);
    }

    @Bean
    ChainVerifications chainVerifications(LedgerService bcpLedger) {
        return new DubboChainVerifications(bcpLedger);
    }

    @Bean
    JdbcFullCheckRuns fullCheckRuns(JdbcTemplate jdbc) {
        return new JdbcFullCheckRuns(jdbc);
    }

    @Bean
    JdbcBalanceRules balanceRules(JdbcTemplate jdbc, ObjectMapper json) {
        return new JdbcBalanceRules(jdbc, json);
    }

    /** Publish and disable balance rules, audited (Dubbo {@code BalanceRuleService}). */
    @Bean
    BalanceRuleAdministration balanceRuleAdministration(JdbcTemplate jdbc, ObjectMapper json, Clock bcpClock) {
        return new BalanceRuleAdministration(new JdbcBalanceRuleVersions(jdbc, json), bcpClock);
    }

    /** A chunk's findings and progress in one transaction (a Spring bean, for its {@code @Transactional}). */
    @Bean
    FullCheckChunks fullCheckChunks(JdbcFullCheckRuns runs, JdbcBalanceRules rules, DiscrepancyBook book,
                                    JdbcTemplate jdbc, @Value("${credit-suite.bcp.flood-cap:50}") int floodCap) {
        return new FullCheckChunks(runs, new FullCheckFindings(rules, book, new JdbcCheckedDiscrepancies(jdbc),
                floodCap));
    }

    /**
     * Chunks of {@code credit-suite.bcp.full-check.chunk-ids} (100,000) journal, account or node ids and
     * {@code chunk-customers} (500) customers: memory holds one chunk's aggregates, never a table.
     */
    @Bean
    FullCheck fullCheck(FullCheckSources sources, JdbcFullCheckRuns runs, JdbcTemplate jdbc, ChainVerifications chains,
                        JdbcBalanceRules rules, FullCheckChunks chunks, Clock bcpClock,
                        @Value("${credit-suite.bcp.full-check.chunk-ids:100000}") long chunkIds,
                        @Value("${credit-suite.bcp.full-check.chunk-customers:500}") int chunkCustomers) {
        JdbcLedgerSource ledger = sources.ledger();
        JdbcCreditSource credit = sources.credit();
        return new FullCheck(runs, List.of(new LedgerTotalsPass(ledger, chunkIds), new EndOfDayPass(ledger, chunkIds),
                new ChainsPass(ledger, chains, new JdbcChainCheckpoints(jdbc, bcpClock),
                        chunkIds), new LimitNodesPass(credit, chunkIds),
                new CustomersPass(credit, ledger, rules, chunkCustomers)),
                chunks, bcpClock);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService fullCheckRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bcp-full-check");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    FullCheckDesk fullCheckDesk(FullCheck fullCheck, JdbcFullCheckRuns runs,
                                @Qualifier("fullCheckRunner") ExecutorService runner) {
        return new FullCheckDesk(fullCheck, runs, runner);
    }

    /** T+1: yesterday (UTC) at {@code credit-suite.bcp.full-check.cron} (01:30 UTC); skipped while a run goes on. */
    @Bean
    SchedulingConfigurer fullCheckDaily(FullCheck fullCheck, Clock bcpClock,
                                        @Value("${credit-suite.bcp.full-check.cron:0 30 1 * * *}") String cron) {
        return registrar -> registrar.addTriggerTask(() -> {
            try {
                fullCheck.run(FullCheckScope.date(LocalDate.now(bcpClock.withZone(ZoneOffset.UTC)).minusDays(1)));
            } catch (FullCheck.Busy busy) {
                // the run going on covers it; the next day's run follows
            }
        }, new CronTrigger(cron, ZoneOffset.UTC));
    }

    /** Resumes a run whose heartbeat stopped for {@code credit-suite.bcp.full-check.stale-after} (5 min). */
    @Bean
    SchedulingConfigurer fullCheckResume(FullCheck fullCheck,
                                         @Value("${credit-suite.bcp.full-check.stale-after:5m}") Duration staleAfter) {
        return PeriodicSweep.every(Duration.ofMinutes(1), "BCP full check(s) resumed",
                () -> fullCheck.resumeStale(staleAfter).isPresent() ? 1 : 0);
    }
}
