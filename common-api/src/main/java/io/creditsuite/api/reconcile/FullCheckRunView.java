package io.creditsuite.api.reconcile;

import java.io.Serializable;

/**
 * One full check run.
 *
 * @param state    RUNNING, PASSED, FOUND (it opened or found discrepancies) or FAILED (it could not run: an alert)
 * @param pass     the pass in progress, or DONE
 * @param rowsRead source rows read so far
 * @param subjects customers, nodes, accounts and currency-days checked so far
 * @param findings balance rules that failed on a subject
 */
public record FullCheckRunView(long runId, String scope, String state, String pass, long rowsRead, long subjects,
                               long findings, String error, long startedAtEpochMillis, Long finishedAtEpochMillis)
        implements Serializable {
}
