package io.creditsuite.reconcile.application.full;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BCP's full check (T+1, and on demand for a date or a customer): runs its passes in order, chunk by chunk, each
 * chunk's findings and progress committed together ({@link FullCheckChunks}), progress logged; a run whose process
 * died is resumed from its last chunk. One run at a time in a process.
 */
public class FullCheck {
    private static final Logger log = LoggerFactory.getLogger(FullCheck.class);

    private final FullCheckRuns runs;
    private final List<FullCheckPass> passes;
    private final FullCheckChunks chunks;
    private final Clock clock;
    private final Semaphore oneAtATime = new Semaphore(1);

    public FullCheck(FullCheckRuns runs, List<FullCheckPass> passes, FullCheckChunks chunks, Clock clock) {
        this.runs = runs;
        this.passes = List.copyOf(passes);
        this.chunks = chunks;
        this.clock = clock;
    }

    /** Thrown when a run is asked for while another one runs in this process. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("a full check is running");
        }
    }

    /** Starts a run of {@code scope} and does it to the end; returns it as stored. */
    public FullCheckRuns.Run run(FullCheckScope scope) {
        return finish(begin(scope));
    }

    /**
     * Records a new run of {@code scope} and reserves the process for it: {@link #finish(long)} does it, on any thread.
     *
     * @throws Busy when a run is going on
     */
    public long begin(FullCheckScope scope) {
        if (!oneAtATime.tryAcquire()) {
            throw new Busy();
        }
        try {
            long runId = runs.start(scope, firstPass(scope), clock.instant());
            log.info("BCP full check {} ({}) started", runId, scope.text());
            return runId;
        } catch (RuntimeException e) {
            oneAtATime.release();
            throw e;
        }
    }

    /** Does the run {@link #begin(FullCheckScope) begun} to the end and frees the process. */
    public FullCheckRuns.Run finish(long runId) {
        try {
            return execute(runs.find(runId).orElseThrow());
        } finally {
            oneAtATime.release();
        }
    }

    /** Resumes a run whose heartbeat stopped longer than {@code staleAfter} ago (its process died), if any. */
    public Optional<FullCheckRuns.Run> resumeStale(Duration staleAfter) {
        if (!oneAtATime.tryAcquire()) {
            return Optional.empty();
        }
        try {
            return runs.stale(clock.instant().minus(staleAfter)).map(run -> {
                log.info("BCP full check {} ({}) resumed at {} after {}", run.runId(), run.scope().text(), run.pass(),
                        run.cursor().isEmpty() ? "the start" : run.cursor());
                return execute(run);
            });
        } finally {
            oneAtATime.release();
        }
    }

    private FullCheckRuns.Run execute(FullCheckRuns.Run run) {
        FullCheckScope scope = run.scope();
        long findings = run.findings();
        try {
            List<FullCheckPass> covering = passes.stream().filter(p -> p.covers(scope)).toList();
            int from = covering.stream().map(FullCheckPass::name).toList().indexOf(run.pass());
            for (int i = from; i >= 0 && i < covering.size(); i++) {
                FullCheckPass pass = covering.get(i);
                String nextPass = i + 1 < covering.size() ? covering.get(i + 1).name() : FullCheckPass.DONE;
                boolean resumed = pass.name().equals(run.pass());
                String cursor = resumed ? run.cursor() : FullCheckPass.START;
                String partial = resumed ? run.partial() : null;
                long passFindings = resumed ? run.passFindings() : 0;
                long rows = 0;
                FullCheckPass.Chunk chunk;
                do {
                    chunk = pass.next(scope, cursor, partial);
                    long after = chunks.record(run, pass, nextPass, chunk, passFindings, findings, clock.instant());
                    findings += after - passFindings;
                    passFindings = after;
                    rows += chunk.rowsRead();
                    cursor = chunk.cursor();
                    partial = chunk.partial();
                    log.debug("BCP full check {}: {} at {}, {} rows so far", run.runId(), pass.name(), cursor, rows);
                } while (!chunk.last());
                log.info("BCP full check {}: pass {} done, {} rows read, {} finding(s)", run.runId(), pass.name(), rows,
                        passFindings);
            }
            runs.finish(run.runId(), findings == 0 ? "PASSED" : "FOUND", null, clock.instant());
        } catch (RuntimeException e) {
            log.error("BCP full check {} ({}) failed: it is itself an alert", run.runId(), scope.text(), e);
            runs.finish(run.runId(), "FAILED", String.valueOf(e), clock.instant());
        }
        return runs.find(run.runId()).orElseThrow();
    }

    private String firstPass(FullCheckScope scope) {
        return passes.stream().filter(p -> p.covers(scope)).map(FullCheckPass::name).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pass covers " + scope.text()));
    }
}
