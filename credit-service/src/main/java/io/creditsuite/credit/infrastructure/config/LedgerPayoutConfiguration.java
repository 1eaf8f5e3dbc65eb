package io.creditsuite.credit.infrastructure.config;

import io.creditsuite.credit.application.lending.CompleteDisbursementHandler;
import io.creditsuite.credit.infrastructure.mq.LedgerPayoutConsumer;
import io.creditsuite.credit.infrastructure.mq.LedgerPayoutListener;
import io.creditsuite.support.mq.ConsumeOnce;
import io.creditsuite.support.mq.PushConsumer;
import io.creditsuite.support.mq.ConsumedMessages;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The consumer of the ledger's LEDGER_TRANSFER_CONFIRMED that completes loans at once (README, "Lending"). Off with
 * {@code credit-suite.lending.payout-consumer=false}: the sweeper alone then completes them, one sweep later.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "credit-suite.lending.payout-consumer", havingValue = "true", matchIfMissing = true)
class LedgerPayoutConfiguration {

    /**
     * The dedupe rows on the service's own DataSource and transaction manager: the same one the completion's
     * {@code @Transactional} (LoanBook.activate) and its caller-transaction disbursement use, so all commit together.
     */
    @Bean
    LedgerPayoutListener ledgerPayoutListener(CompleteDisbursementHandler completion, JdbcTemplate jdbc,
                                              PlatformTransactionManager transactionManager, Clock clock,
                                              MeterRegistry meters) {
        ConsumeOnce once = new ConsumeOnce(new ConsumedMessages(jdbc, transactionManager, clock), transactionManager,
                LedgerPayoutConsumer.GROUP);
        return new LedgerPayoutListener(completion, once, meters);
    }

    @Bean
    PushConsumer ledgerPayoutConsumer(LedgerPayoutListener listener,
                                              @Value("${rocketmq.name-server}") String nameServer) {
        return LedgerPayoutConsumer.of(listener, nameServer);
    }
}
