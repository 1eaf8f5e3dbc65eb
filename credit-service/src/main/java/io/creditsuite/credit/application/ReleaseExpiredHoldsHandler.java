package io.creditsuite.credit.application;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.credit.domain.Hold;
import io.creditsuite.credit.domain.LimitDirectory;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An expired hold releases itself: each hold past its expiry with something frozen gets one EXPIRE flow. */
public class ReleaseExpiredHoldsHandler {
    private static final Logger log = LoggerFactory.getLogger(ReleaseExpiredHoldsHandler.class);
    private static final int BATCH = 500;

    private final LimitDirectory directory;
    private final HoldOperationHandler holds;
    private final Clock clock;

    public ReleaseExpiredHoldsHandler(LimitDirectory directory, HoldOperationHandler holds, Clock clock) {
        this.directory = directory;
        this.holds = holds;
        this.clock = clock;
    }

    /** Returns how many holds were released. */
    public int handle() {
        int released = 0;
        for (Hold hold : directory.expiredHolds(clock.instant(), BATCH)) {
            try {
                holds.expire(hold);
                released++;
            } catch (ApiException e) {
                // used or unfrozen meanwhile (the writer re-checks under the hold's lock); next sweep sees it
                log.info("hold {} was not released on expiry: {}", hold.holdId(), e.getMessage());
            }
        }
        return released;
    }
}
