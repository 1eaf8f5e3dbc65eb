package io.creditsuite.credit.infrastructure.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;

/**
 * The order in which one writer queue's optimistic batches apply to their nodes. Each batch takes a ticket, a time
 * strictly later than every earlier ticket (microseconds, the flow log's precision), stamps its flows with it, and
 * runs its node update only when every earlier ticket has passed ({@link #awaitTurn}).
 *
 * <p>Why: a node update requires {@code last_flow_at < ticket} and sets {@code last_flow_at = ticket}, so that for
 * every node the flows in time order are the flows in the order applied (what replay relies on). Batches that
 * apply in ticket order always pass that guard; without the turn, a later ticket that overtook an earlier one would
 * make the earlier one fail the guard and be written again.
 *
 * <p>The turn is a courtesy, not a lock: a batch waits at most {@link #LONGEST_WAIT} for it (e.g. when the earlier
 * batch itself waits for a row lock held by someone who waits for this one), then goes ahead and lets the guard
 * decide. Correctness never depends on it.
 */
final class ApplyOrder {
    static final Duration LONGEST_WAIT = Duration.ofMillis(200);

    /**
     * The time the turn is waited by and the wait itself: the system's, or one a test controls (so that a test of
     * the turn never depends on how fast a loaded machine runs its threads).
     */
    interface TurnTimer {
        TurnTimer SYSTEM = new TurnTimer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void waitAtMost(Object monitor, long nanos) throws InterruptedException {
                monitor.wait(Math.max(1, nanos / 1_000_000));
            }
        };

        long nanoTime();

        /** Waits on {@code monitor} (whose lock the caller holds) until notified or about {@code nanos} passed. */
        void waitAtMost(Object monitor, long nanos) throws InterruptedException;
    }

    private final Clock clock;
    private final TurnTimer timer;
    private final TreeSet<Instant> outstanding = new TreeSet<>();
    private Instant last = Instant.EPOCH;

    ApplyOrder(Clock clock) {
        this(clock, TurnTimer.SYSTEM);
    }

    ApplyOrder(Clock clock, TurnTimer timer) {
        this.clock = clock;
        this.timer = timer;
    }

    /** A new ticket: the clock's time in microseconds, or one microsecond after the last ticket if that is later. */
    synchronized Instant ticket() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        outstanding.add(last);
        return last;
    }

    /**
     * Waits until {@code ticket} is the earliest outstanding one, or {@link #LONGEST_WAIT} has passed, or the thread
     * is interrupted (its interrupt flag stays set).
     */
    synchronized void awaitTurn(Instant ticket) {
        long deadline = timer.nanoTime() + LONGEST_WAIT.toNanos();
        while (!outstanding.isEmpty() && outstanding.first().isBefore(ticket)) {
            long left = deadline - timer.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                timer.waitAtMost(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The batch holding {@code ticket} has run its node update, or given up: the next one may go. */
    synchronized void passTurn(Instant ticket) {
        if (outstanding.remove(ticket)) {
            notifyAll();
        }
    }
}
