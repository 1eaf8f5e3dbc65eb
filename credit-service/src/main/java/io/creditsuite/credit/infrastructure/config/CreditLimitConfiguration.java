package io.creditsuite.credit.infrastructure.config;

import io.creditsuite.credit.application.AdjustLimitHandler;
import io.creditsuite.credit.application.AuditLogQueryHandler;
import io.creditsuite.credit.application.ChangeRateHandler;
import io.creditsuite.credit.application.DecideApprovalHandler;
import io.creditsuite.credit.application.DirectUseHandler;
import io.creditsuite.credit.application.FreezeLimitHandler;
import io.creditsuite.credit.application.GrantLineHandler;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.application.LimitOperationRunner;
import io.creditsuite.credit.application.LineStateHandler;
import io.creditsuite.credit.application.MaintenanceSupport;
import io.creditsuite.credit.application.NodeTreeQueryHandler;
import io.creditsuite.credit.application.RegisterCustomerHandler;
import io.creditsuite.credit.application.RenewTermHandler;
import io.creditsuite.credit.application.ReleaseExpiredHoldsHandler;
import io.creditsuite.credit.domain.CreditEvents;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.MaintenanceStore;
import io.creditsuite.credit.infrastructure.mq.OutboxCreditEvents;
import io.creditsuite.credit.infrastructure.persistence.GroupCommitLimitChanges;
import io.creditsuite.credit.infrastructure.persistence.LimitChangeWriter;
import io.creditsuite.credit.infrastructure.persistence.WriterConnections;
import io.creditsuite.support.outbox.JdbcOutbox;
import io.creditsuite.support.outbox.Outbox;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the credit-limit use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
class CreditLimitConfiguration {

    @Bean(destroyMethod = "close")
    WriterConnections writerConnections(DataSource dataSource, CreditLimitProperties properties) {
        return WriterConnections.copiedFrom(dataSource, properties.writers() * properties.threadsPerWriter());
    }

    /** The group commit writes on the writers' own connections; destroyed before them (it depends on them). */
    @Bean(destroyMethod = "destroy")
    GroupCommitLimitChanges groupCommitLimitChanges(WriterConnections connections, Clock clock, CreditLimitProperties properties) {
        // the writers' events go through an outbox on the writers' own pool: same connection, same transaction
        CreditEvents writerEvents = new OutboxCreditEvents(new JdbcOutbox(connections.jdbc(), clock), clock);
        return new GroupCommitLimitChanges(new LimitChangeWriter(connections.jdbc(), clock, writerEvents),
                connections.transactions(), clock,
                properties.writers(), properties.threadsPerWriter(), properties.maxBatch(),
                properties.postTimeout().toMillis());
    }

    @Bean
    LimitOperationRunner limitOperationRunner(LimitDirectory directory, GroupCommitLimitChanges grouped, LimitChangeWriter here, Clock clock) {
        return new LimitOperationRunner(directory, grouped, here, clock);
    }

    @Bean
    FreezeLimitHandler freezeLimitHandler(LimitOperationRunner operations) {
        return new FreezeLimitHandler(operations);
    }

    @Bean
    DirectUseHandler directUseHandler(LimitOperationRunner operations) {
        return new DirectUseHandler(operations);
    }

    @Bean
    HoldOperationHandler holdOperationHandler(LimitOperationRunner operations) {
        return new HoldOperationHandler(operations);
    }

    @Bean
    NodeTreeQueryHandler nodeTreeQueryHandler(LimitDirectory directory, Clock clock) {
        return new NodeTreeQueryHandler(directory, clock);
    }

    @Bean
    ReleaseExpiredHoldsHandler releaseExpiredHoldsHandler(LimitDirectory directory, HoldOperationHandler holds,
                                                          Clock clock) {
        return new ReleaseExpiredHoldsHandler(directory, holds, clock);
    }

    @Bean
    MaintenanceSupport maintenanceSupport(MaintenanceStore store, LimitChangeWriter here, Clock clock) {
        return new MaintenanceSupport(store, here, clock);
    }

    @Bean
    RegisterCustomerHandler registerCustomerHandler(MaintenanceStore store, LimitDirectory directory) {
        return new RegisterCustomerHandler(store, directory);
    }

    @Bean
    GrantLineHandler grantLineHandler(MaintenanceSupport support, LimitDirectory directory, NodeTreeQueryHandler tree) {
        return new GrantLineHandler(support, directory, tree);
    }

    @Bean
    AdjustLimitHandler adjustLimitHandler(MaintenanceSupport support, LimitDirectory directory,
                                          CreditLimitProperties properties) {
        return new AdjustLimitHandler(support, directory, properties.makerCheckerThresholdMinor());
    }

    @Bean
    DecideApprovalHandler decideApprovalHandler(MaintenanceSupport support, LimitDirectory directory) {
        return new DecideApprovalHandler(support, directory);
    }

    /** The events of everything written on the service's own pool (TCC tries and phase two, maintenance). */
    @Bean
    CreditEvents creditEvents(Outbox outbox, Clock clock) {
        return new OutboxCreditEvents(outbox, clock);
    }

    @Bean
    LineStateHandler lineStateHandler(MaintenanceSupport support, LimitDirectory directory, CreditEvents events) {
        return new LineStateHandler(support, directory, events);
    }

    @Bean
    ChangeRateHandler changeRateHandler(MaintenanceSupport support, LimitDirectory directory) {
        return new ChangeRateHandler(support, directory);
    }

    @Bean
    RenewTermHandler renewTermHandler(MaintenanceSupport support, LimitDirectory directory) {
        return new RenewTermHandler(support, directory);
    }

    @Bean
    AuditLogQueryHandler auditLogQueryHandler(MaintenanceStore store, LimitDirectory directory) {
        return new AuditLogQueryHandler(store, directory);
    }
}
