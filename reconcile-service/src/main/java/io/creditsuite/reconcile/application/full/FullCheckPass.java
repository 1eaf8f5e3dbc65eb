package io.creditsuite.reconcile.application.full;

import java.util.List;

/**
 * One pass of a full check, done in chunks so memory stays bounded and a crash resumes from the last chunk: each
 * call reads the chunk after {@code cursor} and returns the subjects it completed and the cursor to go on from.
 */
public interface FullCheckPass {
    /** The pass's name, as in {@code bcp_balance_rule.pass}. */
    String name();

    boolean covers(FullCheckScope scope);

    /**
     * @param cursor  where the previous chunk ended ({@link #START} at first)
     * @param partial the running totals the previous chunk left (null at first)
     */
    Chunk next(FullCheckScope scope, String cursor, String partial);

    String START = "";

    /** The last pass name of a run: all its passes are done. */
    String DONE = "DONE";

    /**
     * The one period a run of {@code scope} covers in this pass (its AUTO resolutions stay inside it), or null when
     * it covers every period.
     */
    default String periodOf(FullCheckScope scope) {
        return Subject.CURRENT_STATE;
    }

    /**
     * @param cursor  where this chunk ended; null when the pass is done
     * @param partial running totals for the next chunk (null when the pass keeps none)
     */
    record Chunk(String cursor, String partial, long rowsRead, List<Subject> subjects) {
        public boolean last() {
            return cursor == null;
        }
    }
}
