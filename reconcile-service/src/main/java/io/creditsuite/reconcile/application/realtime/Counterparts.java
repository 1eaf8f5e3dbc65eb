package io.creditsuite.reconcile.application.realtime;

import java.util.List;
import java.util.Map;

/**
 * The source of truth of an event that has not come: the service that would have published it, asked for its current
 * state (never the event's image, which may be stale).
 */
public interface Counterparts {
    enum Answer {
        /** The fact exists: its event is late, not lost. */
        PRESENT,
        /**
         * The fact does not exist yet and may still legitimately come (a hold still open before its expiry): wait, raise
         * nothing, and do not count it as a late event.
         */
        PENDING,
        /** The fact does not exist. */
        ABSENT,
        /** There is no way to ask for this event type: the window decides alone. */
        NO_SOURCE,
        /** The source could not be asked now; ask again at the next sweep. */
        UNREACHABLE
    }

    /**
     * @param missingEvents the event types that have not come, any of which would complete the pair
     * @param pairKey       its key under the rule
     * @param present       the payload of the side that did come
     */
    Answer confirm(List<String> missingEvents, String pairKey, Map<String, Object> present);
}
