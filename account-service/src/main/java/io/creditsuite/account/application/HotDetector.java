package io.creditsuite.account.application;

import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.LedgerEvents;
import io.creditsuite.account.domain.PostingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Automatic hot detection: counts entries per account; every window, an account on NORMAL whose
 * rate passed the threshold is switched to the configured mode (or only proposed, by
 * configuration). An account it switched to ADD_FREQUENT whose rate then stays below the cool
 * threshold for {@code coolWindows} windows in a row goes back to NORMAL, its pending details
 * folded first ({@link RestoreNormalModeHandler}). Each decision is an event (logged and counted
 * as a metric by the adapter). Which accounts were switched automatically is kept in the database
 * (an account opened in a hot mode, or set by an operator, is never switched back).
 */
public class HotDetector {
    /**
     * Settings; {@code switchMode == false} only proposes (and so never switches back).
     *
     * @param coolThresholdPerSecond below this rate a window counts as quiet
     * @param coolWindows            quiet windows in a row before switching back; 0: never
     */
    public record Settings(boolean enabled, double thresholdPerSecond, PostingMode targetMode, boolean switchMode,
                           double coolThresholdPerSecond, int coolWindows) {
        /** Without switching back. */
        public Settings(boolean enabled, double thresholdPerSecond, PostingMode targetMode, boolean switchMode) {
            this(enabled, thresholdPerSecond, targetMode, switchMode, 0, 0);
        }

        public Settings {
            if (coolThresholdPerSecond > thresholdPerSecond) {
                throw new IllegalArgumentException("the cool threshold " + coolThresholdPerSecond
                        + "/s must not exceed the hot threshold " + thresholdPerSecond + "/s");
            }
        }
    }

    private final ConcurrentHashMap<Long, LongAdder> counts = new ConcurrentHashMap<>();
    /** Quiet windows in a row of each automatically switched account. */
    private final Map<Long, Integer> quietWindows = new HashMap<>();
    private final AccountDirectory directory;
    private final AccountRepository accounts;
    private final RestoreNormalModeHandler restore;
    private final LedgerEvents events;
    private volatile Settings settings = new Settings(false, 1_000, PostingMode.ADD_FREQUENT, false);
    private volatile long windowStartNanos = System.nanoTime();

    public HotDetector(AccountDirectory directory, AccountRepository accounts, RestoreNormalModeHandler restore,
                       LedgerEvents events) {
        this.directory = directory;
        this.accounts = accounts;
        this.restore = restore;
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

    /** Closes the current window, as long as it lasted by the clock; returns the accounts found hot in it. */
    public synchronized List<Long> evaluate() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - windowStartNanos) / 1e9);
        windowStartNanos = now;
        return closeWindow(seconds);
    }

    /**
     * Closes the current window as if it had lasted {@code window}, whatever the clock says: for a
     * caller that keeps time itself (the tests, which must not sleep to let a window pass).
     */
    public synchronized List<Long> evaluateWindowOf(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a window must last, was " + window);
        }
        windowStartNanos = System.nanoTime();
        return closeWindow(window.toNanos() / 1e9);
    }

    private List<Long> closeWindow(double seconds) {
        Settings s = settings;
        Map<Long, Double> rates = new HashMap<>();
        counts.forEach((id, count) -> rates.put(id, count.sumThenReset() / seconds));
        counts.entrySet().removeIf(e -> e.getValue().sum() == 0);
        List<Long> hot = new ArrayList<>();
        if (!s.enabled()) {
            return hot;
        }
        for (Map.Entry<Long, Double> e : rates.entrySet()) {
            double rate = e.getValue();
            if (rate < s.thresholdPerSecond()) {
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
                if (!accounts.switchModeAutomatically(e.getKey(), PostingMode.NORMAL, s.targetMode())) {
                    continue; // its mode changed meanwhile
                }
                directory.forget(e.getKey());
                events.hotModeSwitched(e.getKey(), PostingMode.NORMAL, s.targetMode(), why);
            } else {
                events.hotModeProposed(e.getKey(), PostingMode.NORMAL, s.targetMode(), why);
            }
        }
        if (s.switchMode() && s.coolWindows() > 0) {
            coolDown(s, rates, seconds);
        }
        return hot;
    }

    /** Switches back the automatically switched ADD_FREQUENT accounts that stayed quiet long enough. */
    private void coolDown(Settings s, Map<Long, Double> rates, double seconds) {
        List<Long> switched = accounts.automaticallySwitched(PostingMode.ADD_FREQUENT);
        quietWindows.keySet().retainAll(switched);
        for (long id : switched) {
            double rate = rates.getOrDefault(id, 0.0);
            if (rate >= s.coolThresholdPerSecond()) {
                quietWindows.remove(id);
                continue;
            }
            int quiet = quietWindows.merge(id, 1, Integer::sum);
            if (quiet < s.coolWindows()) {
                continue;
            }
            quietWindows.remove(id);
            long folded = restore.restore(id);
            if (folded < 0) {
                continue;
            }
            directory.forget(id);
            events.hotModeSwitched(id, PostingMode.ADD_FREQUENT, PostingMode.NORMAL, String.format(
                    "below %.0f postings/s for %d windows (last %.0f/s over %.1f s); %d pending details folded first",
                    s.coolThresholdPerSecond(), quiet, rate, seconds, folded));
        }
    }
}
