package io.creditsuite.account.infrastructure.mq;

import io.creditsuite.account.domain.LedgerEvents;
import io.creditsuite.account.domain.PostingMode;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ledger's alert and mode events: one WARN/INFO log line each, and Micrometer counters
 * ({@code ledger_subaccount_low_total}, {@code ledger_hot_mode_total{applied}}) that Prometheus
 * alerts on.
 */
@Component
class LoggingLedgerEvents implements LedgerEvents {
    private static final Logger log = LoggerFactory.getLogger(LoggingLedgerEvents.class);

    private final MeterRegistry meters;

    LoggingLedgerEvents(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void subAccountLow(long parentId, long subAccountId, long availableMinor, long collectedMinor) {
        log.warn("ALERT sub-account {} of account {} is low ({} available); collected {} from its siblings",
                subAccountId, parentId, availableMinor, collectedMinor);
        meters.counter("ledger.subaccount.low", "account", String.valueOf(parentId)).increment();
    }

    @Override
    public void hotModeSwitched(long accountId, PostingMode from, PostingMode to, String why) {
        log.info("hot account {}: {} -> {} SWITCHED ({})", accountId, from, to, why);
        countHotMode(accountId, to, "true");
    }

    @Override
    public void hotModeProposed(long accountId, PostingMode from, PostingMode to, String why) {
        log.info("hot account {}: {} -> {} PROPOSED ({})", accountId, from, to, why);
        countHotMode(accountId, to, "false");
    }

    /** {@code ledger_hot_mode_total{applied=true|false}}: the published tag values, kept as they were. */
    private void countHotMode(long accountId, PostingMode to, String applied) {
        meters.counter("ledger.hot.mode", "account", String.valueOf(accountId), "to", to.name(), "applied", applied)
                .increment();
    }
}
