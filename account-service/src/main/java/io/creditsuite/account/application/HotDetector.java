package io.creditsuite.account.application;

import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.LedgerEvents;
import io.creditsuite.account.domain.PostingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Automatic hot detection: counts entries per account; every window, an account on NORMAL whose
 * rate passed the threshold is switched to the configured mode (or only proposed, by
 * configuration). Each decision is an event (logged and counted as a metric by the adapter).
 */
@Component
public class HotDetector {
    /** Settings; {@code switchMode == false} only proposes. */
    public record Settings(boolean enabled, double thresholdPerSecond, PostingMode targetMode, boolean switchMode) {
    }

    private final ConcurrentHashMap<Long, LongAdder> counts = new ConcurrentHashMap<>();
    private final AccountDirectory directory;
    private final AccountRepository accounts;
    private final LedgerEvents events;
    private volatile Settings settings = new Settings(false, 1_000, PostingMode.ADD_FREQUENT, false);
    private volatile long windowStartNanos = System.nanoTime();

    public HotDetector(AccountDirectory directory, AccountRepository accounts, LedgerEvents events) {
        this.directory = directory;
        this.accounts = accounts;
        this.events = events;
    }

    public void configure(Settings newSettings) {
        this.settings = newSettings;
    }

    void record(long accountId) {
        if (settings.enabled()) {
            counts.computeIfAbsent(accountId, id -> new LongAdder()).increment();
        }
    }

    /** Closes the current window; returns the accounts found hot in it. */
    public List<Long> evaluate() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - windowStartNanos) / 1e9);
        windowStartNanos = now;
        Settings s = settings;
        List<Long> hot = new ArrayList<>();
        for (Map.Entry<Long, LongAdder> e : counts.entrySet()) {
            double rate = e.getValue().sumThenReset() / seconds;
            if (!s.enabled() || rate < s.thresholdPerSecond()) {
                continue;
            }
            AccountDirectory.Route route = directory.route(e.getKey());
            if (route.mode() != PostingMode.NORMAL || route.parentId() != null) {
                continue;
            }
            hot.add(e.getKey());
            String why = String.format("%.0f postings/s over %.1f s >= threshold %.0f/s", rate, seconds,
                    s.thresholdPerSecond());
            if (s.switchMode()) {
                accounts.changeMode(e.getKey(), s.targetMode());
                directory.forget(e.getKey());
            }
            events.hotModeChanged(e.getKey(), PostingMode.NORMAL, s.targetMode(), s.switchMode(), why);
        }
        counts.entrySet().removeIf(e -> e.getValue().sum() == 0);
        return hot;
    }
}
