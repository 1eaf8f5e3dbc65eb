package io.creditsuite.reconcile.application.full;

import java.time.Instant;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one chunk of a pass in one transaction: the discrepancies it found and the run's progress commit together,
 * so a crash either redoes the whole chunk or none of it (a redone chunk finds the same and recurs in place).
 */
public class FullCheckChunks {
    private final FullCheckRuns runs;
    private final FullCheckFindings findings;

    public FullCheckChunks(FullCheckRuns runs, FullCheckFindings findings) {
        this.runs = runs;
        this.findings = findings;
    }

    /** @return the pass's findings in this run after the chunk */
    @Transactional
    public long record(FullCheckRuns.Run run, FullCheckPass pass, String nextPass, FullCheckPass.Chunk chunk,
                       long passFindings, long findingsBefore, Instant now) {
        long after = findings.record(pass.name(), chunk.subjects(), passFindings, now);
        long runFindings = findingsBefore + (after - passFindings);
        if (!chunk.last()) {
            runs.progress(run.runId(), pass.name(), chunk.cursor(), chunk.partial(), chunk.rowsRead(),
                    chunk.subjects().size(), runFindings, after, now);
            return after;
        }
        FullCheckScope scope = run.scope();
        findings.passDone(pass.name(), after, run.startedAt(), scope.customerId(), pass.periodOf(scope), now);
        // the run goes on with the next pass from its start: a crash from here on does not redo this one
        runs.progress(run.runId(), nextPass, FullCheckPass.START, null, chunk.rowsRead(), chunk.subjects().size(),
                runFindings, 0, now);
        return after;
    }
}
