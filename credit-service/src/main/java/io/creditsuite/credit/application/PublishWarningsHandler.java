package io.creditsuite.credit.application;

import io.creditsuite.api.credit.WarningView;
import java.time.Clock;

/**
 * Sends the events of recorded warnings that are not sent yet (the outbox), oldest first. A crash between the send
 * and the mark sends the event again later: consumers dedupe on its key. No transaction: each mark commits alone.
 */
public class PublishWarningsHandler {
    static final int BATCH = 500;

    private final WarningStore store;
    private final WarningEvents events;
    private final Clock clock;

    public PublishWarningsHandler(WarningStore store, WarningEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** How many events were sent. */
    public int handle() {
        int sent = 0;
        for (WarningView warning : store.unpublished(BATCH)) {
            if (!events.publish(warning)) {
                break; // the broker is away: the next scan tries again
            }
            store.markPublished(warning.warningKey(), clock.instant());
            sent++;
        }
        return sent;
    }
}
