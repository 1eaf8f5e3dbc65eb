package io.creditsuite.credit.infrastructure.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code credit-suite.lending.*}: the drawdown's global transaction, the calls to account-service and the sweepers.
 *
 * @param globalTimeout       the Seata global transaction timeout of a drawdown; the TC rolls back one left open longer
 * @param accountTryTimeout   Dubbo timeout of account-service's TransOut try
 * @param ledgerTimeout       Dubbo timeout of the other account-service calls (openAccount, repayLoan, transfer, statement)
 * @param recoveryMargin      a PENDING loan older than globalTimeout + this is settled from the facts
 * @param sweepInterval       how often the sweepers run (PENDING loans, DISBURSING loans, PENDING repayments)
 * @param repaymentRetryAfter a PENDING repayment older than this is retried by the sweeper
 * @param sweepBatch          most records one sweeper pass looks at
 */
@ConfigurationProperties("credit-suite.lending")
public record LendingProperties(@DefaultValue("60s") Duration globalTimeout,
                                @DefaultValue("5s") Duration accountTryTimeout,
                                @DefaultValue("5s") Duration ledgerTimeout,
                                @DefaultValue("30s") Duration recoveryMargin,
                                @DefaultValue("5s") Duration sweepInterval,
                                @DefaultValue("10s") Duration repaymentRetryAfter,
                                @DefaultValue("100") int sweepBatch) {
}
