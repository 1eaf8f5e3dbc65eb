package io.creditsuite.api.probe;

import java.io.Serializable;

/**
 * @param xid          the Seata global transaction id
 * @param globalStatus the global status the initiator saw at the end of phase 1 ({@code Committed},
 *                     {@code Rollbacked}, ...); phase 2 on the participants runs asynchronously
 */
public record TccProbeResult(String probeId, String xid, TccProbeScenario scenario, String globalStatus)
        implements Serializable {
}
