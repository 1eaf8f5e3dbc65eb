package io.creditsuite.reconcile.application.full;

import java.time.Instant;
import java.util.Optional;

/** The runs of the full check ({@code bcp_full_check_run}); each call is its own write. */
public interface FullCheckRuns {
    /** A run as stored: where it is and what it has done. */
    record Run(long runId, FullCheckScope scope, String state, String pass, String cursor, String partial,
               long rowsRead, long subjects, long findings, long passFindings, String error, Instant startedAt, Instant finishedAt) {
    }

    long start(FullCheckScope scope, String firstPass, Instant now);

    /** Records a chunk done: the pass and cursor to go on from, the running totals, what it read and found. */
    void progress(long runId, String pass, String cursor, String partial, long rows, long subjects, long findings,
                  long passFindings, Instant now);

    void finish(long runId, String state, String error, Instant now);

    Optional<Run> find(long runId);

    /** A RUNNING run whose heartbeat is older than {@code staleBefore}: its process died; it may be resumed. */
    Optional<Run> stale(Instant staleBefore);

    /** The last run that finished without failing (PASSED or FOUND). */
    Optional<Run> lastCompleted();
}
