package io.creditsuite.devstack.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The smoke demo's BCP step, as an SRE runs it through the gateway's operator endpoints: a full check of everything
 * on demand ({@code POST /ops/v1/full-checks}, polled at {@code GET /ops/v1/full-checks/{id}}) over what the demo
 * has just done, which must pass, and the discrepancies still open, which must be none. It runs after the lending
 * step, so the check covers the demo's drawdown, repayment, holds and ledger.
 */
public final class BcpSmoke {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(300);

    private final OperatorClient operator;
    private final Duration settle;

    /** @param settle how long the full check may take */
    public BcpSmoke(String gatewayUrl, String operatorToken, Duration settle) {
        this.operator = new OperatorClient(URI.create(gatewayUrl.endsWith("/") ? gatewayUrl : gatewayUrl + "/"),
                operatorToken);
        this.settle = settle;
    }

    public StepResult run() {
        List<String> lines = new ArrayList<>();
        JsonNode run = fullCheck(operator, "ALL", "smoke-demo", settle);
        lines.add("full check " + run.path("runId").asLong() + " of " + run.path("scope").asText() + ": "
                + run.path("state").asText() + ", " + run.path("rowsRead").asLong() + " rows read, "
                + run.path("subjects").asLong() + " subjects, " + run.path("findings").asLong() + " findings"
                + (run.path("error").isTextual() ? ", error " + run.path("error").asText() : ""));
        JsonNode open = operator.call("GET", "ops/v1/discrepancies?state=OPEN&limit=20", null);
        lines.add("open discrepancies: " + open.size() + (open.isEmpty() ? "" : " " + open.findValuesAsText("fingerprint")));
        boolean passed = "PASSED".equals(run.path("state").asText()) && open.isEmpty();
        return passed ? StepResult.pass("bcp", "the full check passed over the demo's data and no discrepancy is open",
                lines) : StepResult.fail("bcp", "the full check or the open discrepancies say the services disagree",
                lines);
    }

    /**
     * Starts a full check of {@code scope} and waits until it has ended; the run as it ended.
     *
     * @throws IllegalStateException when it is still running after {@code settle}
     */
    public static JsonNode fullCheck(OperatorClient operator, String scope, String who, Duration settle) {
        JsonNode started = operator.call("POST", "ops/v1/full-checks", "{\"scope\":\"" + scope + "\",\"who\":\""
                + who + "\"}");
        long runId = started.path("runId").asLong();
        Poll.Outcome<JsonNode> ended = Poll.until(() -> operator.call("GET", "ops/v1/full-checks/" + runId, null),
                run -> !"RUNNING".equals(run.path("state").asText()), settle, POLL_INTERVAL);
        if (!ended.satisfied()) {
            throw new IllegalStateException("full check " + runId + " still running after " + settle + ": "
                    + ended.lastSeen());
        }
        return ended.last();
    }
}
