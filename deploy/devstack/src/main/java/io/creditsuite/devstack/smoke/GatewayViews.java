package io.creditsuite.devstack.smoke;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The gateway's JSON answers, as the smoke demo reads them. Deliberately copies of the HTTP
 * contract rather than common-api's Dubbo records: the demo checks what a partner over HTTP
 * would see, and the CLI stays free of the services' classes. Unknown fields are ignored, so the
 * gateway may add fields without breaking the demo.
 */
public final class GatewayViews {

    private GatewayViews() {
    }

    /** {@code GET /api/v1/system/ping}: 200 when every service answered, 503 otherwise (same body). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ping(String status, String requestId, List<ServiceAnswer> services, List<String> unreachable) {
        public Ping {
            services = services == null ? List.of() : List.copyOf(services);
            unreachable = unreachable == null ? List.of() : List.copyOf(unreachable);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceAnswer(String service, boolean reachable, long latencyMillis, String detail) {
    }

    /** {@code POST /api/v1/system/probes/tcc}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TccResult(String probeId, String xid, String scenario, String globalStatus, String accountTry,
                            long phase2Millis) {
    }

    /** {@code GET /api/v1/system/probes/tcc/{probeId}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TccBranches(TccBranch credit, TccBranch account) {
    }

    /**
     * One participant's branch.
     *
     * @param phase       NONE, TRIED, CONFIRMED, CANCELLED or TRY_REFUSED
     * @param fenceStatus Seata's tcc_fence_log.status: 0 no row, 1 tried, 2 committed, 3 rollbacked, 4 suspended
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TccBranch(String service, String probeId, String xid, String phase, int fenceStatus,
                            long phaseChangedAtEpochMilli) {

        public boolean is(String expectedPhase, int expectedFenceStatus) {
            return expectedPhase.equals(phase) && fenceStatus == expectedFenceStatus;
        }

        public String brief() {
            return phase + "/fence " + fenceStatus;
        }
    }

    /** {@code POST /api/v1/system/probes/mq}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MqResult(String probeId, String topic, String sendStatus, String localTransactionState) {
    }

    /** {@code POST /api/v1/system/probes/ledger-buffered}: outcome ACCEPTED means queued, not applied yet. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LedgerProbe(String probeId, long accountId, String hotMode, String voucherNo, String outcome,
                              long amountMinor) {
    }

    /** {@code GET /api/v1/system/probes/ledger-buffered/{accountId}}: the account's balances. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(long accountId, String hotMode, long balanceMinor, long availableMinor) {
    }

    /** {@code GET /api/v1/system/probes/mq/{probeId}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MqReceipt(String probeId, boolean received, String consumerGroup, long receivedAtEpochMilli) {
    }
}
