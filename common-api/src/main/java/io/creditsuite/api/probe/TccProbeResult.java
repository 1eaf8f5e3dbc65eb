package io.creditsuite.api.probe;

import java.io.Serializable;

/**
 * What the initiator of a TCC probe saw.
 *
 * @param xid          the Seata global transaction id
 * @param globalStatus the global status the initiator got back from its commit or rollback
 *                     ({@code Committed}, {@code Rollbacked}, ...)
 * @param accountTry   how account-service's try ended, as the initiator saw it
 * @param phase2Millis how long the initiator's commit or rollback call took: the time the TC
 *                     needed to decide and (for a synchronous phase 2) to drive both branches
 */
public record TccProbeResult(String probeId, String xid, TccProbeScenario scenario, String globalStatus,
                             AccountTry accountTry, long phase2Millis) implements Serializable {

    /** The initiator's view of account-service's try. */
    public enum AccountTry {
        SUCCEEDED,
        /** The try threw (an {@code ApiException}); its local transaction rolled back. */
        FAILED,
        /** No answer within the initiator's Dubbo timeout for the try. */
        TIMED_OUT
    }
}
