package io.creditsuite.reconcile.application.full;

import java.util.function.LongSupplier;

/**
 * A pass's place in a table read in chunks of ids: {@code done < id <= upTo} next, up to the highest id when the pass
 * began (rows written meanwhile are the next run's). As text {@code <done>/<max>}.
 */
record IdCursor(long done, long max) {
    static IdCursor of(String cursor, LongSupplier highestId) {
        if (cursor.isEmpty()) {
            return new IdCursor(0, highestId.getAsLong());
        }
        String[] parts = cursor.split("/");
        return new IdCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    long upTo(long chunkIds) {
        return Math.min(max, done + chunkIds);
    }

    /** The cursor after a chunk up to {@code upTo}; null when the pass is done. */
    String after(long upTo) {
        return upTo < max ? upTo + "/" + max : null;
    }
}
