package io.creditsuite.credit.infrastructure.lending;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FAULT INJECTION, for tests and operators only: holds a drawdown whose two tries both succeeded before its
 * transaction manager asks the Seata TC to commit, while a named file exists (at most {@code atMost}), so that a test
 * can kill -9 a participant, the TC or credit-service itself at exactly that point (deploy/devstack's
 * {@code LendingFaultsIT}). Off unless {@code credit-suite.lending.faults.pause-before-commit-file} is set, and refused
 * in the {@code prod} profile ({@link io.creditsuite.credit.infrastructure.config.LendingFaultProperties}).
 *
 * <p>The pause happens inside the global transaction, so the TC's global timeout keeps running: a pause longer than it
 * ends in the TC's rollback, as a slow transaction manager would.
 */
public final class PauseBeforeCommit {
    private static final Logger log = LoggerFactory.getLogger(PauseBeforeCommit.class);
    /** The line a test waits for; it names the loan and the xid. */
    public static final String PAUSED = "FAULT INJECTION: drawdown paused before its global commit";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final PauseBeforeCommit OFF = new PauseBeforeCommit(null, Duration.ZERO);

    private final Path file;
    private final Duration atMost;

    private PauseBeforeCommit(Path file, Duration atMost) {
        this.file = file;
        this.atMost = atMost;
    }

    public static PauseBeforeCommit off() {
        return OFF;
    }

    public static PauseBeforeCommit whileFileExists(Path file, Duration atMost) {
        if (file == null || atMost.isNegative() || atMost.isZero()) {
            throw new IllegalArgumentException("a pause needs a file and a positive bound");
        }
        return new PauseBeforeCommit(file.toAbsolutePath(), atMost);
    }

    public boolean isOn() {
        return file != null;
    }

    /** Returns at once when off or when the file is absent; else once the file is gone or {@code atMost} passed. */
    void await(String loanId, String xid) {
        if (file == null || !Files.exists(file)) {
            return;
        }
        log.warn("{}: loan {} xid {} waits while {} exists (at most {})", PAUSED, loanId, xid, file, atMost);
        long began = System.nanoTime();
        long deadline = began + atMost.toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.warn("FAULT INJECTION: drawdown of loan {} xid {} resumes after {} ms ({})", loanId, xid,
                Duration.ofNanos(System.nanoTime() - began).toMillis(),
                Files.exists(file) ? "the bound passed" : "the file is gone");
    }
}
