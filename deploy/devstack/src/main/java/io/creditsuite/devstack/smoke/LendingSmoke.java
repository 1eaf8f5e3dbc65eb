package io.creditsuite.devstack.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditsuite.partnerclient.CallbackVerifier;
import io.creditsuite.partnerclient.PartnerClient;
import io.creditsuite.partnerclient.PartnerResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The smoke demo's lending step, as a partner runs it: the operator makes the demo partner and a key and seeds the
 * demo lender (funding account, a dealer's guarantee shared by two customers); then, signed with the partner
 * client, a drawdown (retried with its Idempotency-Key: the same answer), a drawdown over the line (refused with its
 * reason, nothing frozen), the loan becoming ACTIVE once the ledger has paid out, a repayment, the limit tree, the
 * money invariants of the lender ({@code /ops/v1/demo/lenders/{id}/invariants}), and two credit applications.
 */
public final class LendingSmoke {
    public static final String PARTNER_ID = "demo-partner";
    /** The devstack's operator token (the gateway's credit-suite.gateway.operator-token default). */
    public static final String DEVSTACK_OPERATOR_TOKEN = "devstack-operator-token-change-me";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final URI gateway;
    private final OperatorClient operator;
    private final WorkbenchWalkthrough workbench;
    private final Duration settle;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    /**
     * @param workbenchUrl approval-service's HTTP address (the reviewers' workbench)
     * @param settle       how long a loan may take to become ACTIVE after its drawdown, and an approved application to
     *                     be GRANTED (both asynchronous)
     */
    public LendingSmoke(String gatewayUrl, String workbenchUrl, String operatorToken, Duration settle) {
        this.gateway = URI.create(gatewayUrl.endsWith("/") ? gatewayUrl : gatewayUrl + "/");
        this.operator = new OperatorClient(gateway, operatorToken);
        this.workbench = new WorkbenchWalkthrough(workbenchUrl);
        this.settle = settle;
    }

    public StepResult run() {
        List<String> lines = new ArrayList<>();
        JsonNode key = partnerKey();
        JsonNode seeded = operator("POST", "ops/v1/demo/lenders",
                "{\"partnerId\":\"" + PARTNER_ID + "\",\"name\":\"Demo Bank\",\"customers\":2}");
        JsonNode customer = seeded.path("customers").get(0);
        String customerId = customer.path("customerId").asText();
        PartnerClient client = new PartnerClient(gateway, key.path("keyId").asText(), key.path("secret").asText(),
                Clock.systemUTC());
        lines.add("partner " + PARTNER_ID + " key " + key.path("keyId").asText() + "; customers "
                + seeded.path("customers").findValuesAsText("customerId") + " share guarantee node "
                + seeded.path("guaranteeNodeId").asLong());

        String drawdown = drawdownBody(customer, "1000.00");
        String idemKey = "smoke-" + runId + "-drawdown";
        PartnerResponse first = client.post("/api/v1/loans", drawdown, idemKey);
        if (first.status() != 201) {
            return StepResult.fail("lending", "drawdown answered " + first.status() + " " + first.body(), lines);
        }
        PartnerResponse retried = client.post("/api/v1/loans", drawdown, idemKey);
        String loanId = first.json().path("loanId").asText();
        lines.add("drawdown 1000.00 CNY: 201, loan " + loanId + " " + first.json().path("status").asText()
                + "; retried with the same Idempotency-Key: " + retried.status() + ", identical body "
                + first.body().equals(retried.body()));
        if (!first.body().equals(retried.body())) {
            return StepResult.fail("lending", "the retried drawdown answered another body: " + retried.body(), lines);
        }

        PartnerResponse refused = client.post("/api/v1/loans", drawdownBody(customer, "700000.00"),
                "smoke-" + runId + "-too-much");
        lines.add("drawdown 700000.00 CNY (over the line): " + refused.status() + " "
                + refused.problemCode().orElse("-") + " refusal " + refused.json().path("refusal").asText());
        if (refused.status() != 422 || !"CS-2014".equals(refused.problemCode().orElse(""))) {
            return StepResult.fail("lending", "the drawdown over the line was not refused with CS-2014", lines);
        }

        Poll.Outcome<JsonNode> active = Poll.until(() -> client.get("/api/v1/loans/" + loanId, List.of()).json(),
                loan -> "ACTIVE".equals(loan.path("status").asText()), settle, POLL_INTERVAL);
        if (!active.satisfied()) {
            return StepResult.fail("lending", "loan " + loanId + " not ACTIVE within " + settle.toSeconds()
                    + " s; last seen " + active.lastSeen(), lines);
        }
        lines.add("loan " + loanId + " ACTIVE (the ledger paid out), principal outstanding "
                + active.last().path("principalOutstanding").asText());

        PartnerResponse repaid = client.post("/api/v1/loans/" + loanId + "/repayments",
                "{\"principal\":\"400.00\",\"interest\":\"5.00\",\"currency\":\"CNY\",\"payerAccount\":\"6222000000000001\"}",
                "smoke-" + runId + "-repay");
        if (repaid.status() != 201) {
            return StepResult.fail("lending", "repayment answered " + repaid.status() + " " + repaid.body(), lines);
        }
        lines.add("repayment 400.00 + interest 5.00: 201, principal outstanding "
                + repaid.json().path("loan").path("principalOutstanding").asText());

        JsonNode limits = client.get("/api/v1/customers/" + customerId + "/limits", List.of()).json();
        lines.add("limit tree of " + customerId + ": " + limits.path("lines").size() + " line(s), line node used "
                + limits.path("lines").get(0).path("nodes").get(0).path("used").asText());

        JsonNode invariants = operator("GET", "ops/v1/demo/lenders/" + PARTNER_ID + "/invariants?customerIds="
                + String.join(",", seeded.path("customers").findValuesAsText("customerId")), null);
        lines.add("invariants: " + (invariants.path("holds").asBoolean() ? "hold" : "VIOLATED " + invariants.path("violations"))
                + " (credit used = loan balance per customer, no node over its limit, funding + loans - interest = "
                + invariants.path("conservationMinor").asLong() + " = initial funding, nothing frozen, chains intact)");
        if (!invariants.path("holds").asBoolean()) {
            return StepResult.fail("lending", "an invariant does not hold", lines);
        }
        String applicationProblem = creditApplications(client, customerId, lines);
        if (applicationProblem != null) {
            return StepResult.fail("lending", applicationProblem, lines);
        }
        String reviewProblem = reviewedToGrantedLine(client, key.path("secret").asText(), customerId, lines);
        if (reviewProblem != null) {
            return StepResult.fail("lending", reviewProblem, lines);
        }
        return StepResult.pass("lending", "drawdown, idempotent retry, refusal, payout, repayment, invariants, "
                + "credit applications through signed HTTP, and one through the reviewers' workbench to a granted "
                + "line", lines);
    }

    /**
     * Two credit applications (approval-service's intake and automatic checks): a strong applicant goes to review
     * (the fast track, straight to recheck), a blacklisted ID card is rejected naming the hit. Returns a problem, or
     * null when both answered as expected.
     */
    private String creditApplications(PartnerClient client, String customerId, List<String> lines) {
        PartnerResponse strong = client.post("/api/v1/credit-applications", applicationBody(customerId, "strong",
                "110101199003070011"), "smoke-" + runId + "-app-strong");
        PartnerResponse blacklisted = client.post("/api/v1/credit-applications", applicationBody(customerId,
                "blacklisted", "11010519491231002X"), "smoke-" + runId + "-app-blacklisted");
        lines.add("credit application (strong applicant): " + strong.status() + " " + strong.json().path("status")
                .asText() + " at " + strong.json().path("stage").asText() + ", route " + strong.json().path("route")
                .asText() + ", score " + strong.json().path("score").asInt());
        lines.add("credit application (blacklisted ID card): " + blacklisted.status() + " "
                + blacklisted.json().path("status").asText() + " " + blacklisted.json().path("reasonCode").asText());
        if (strong.status() != 201 || !"IN_REVIEW".equals(strong.json().path("status").asText())) {
            return "the strong application answered " + strong.status() + " " + strong.body();
        }
        if (blacklisted.status() != 201 || !"BLACKLIST_HIT".equals(blacklisted.json().path("reasonCode").asText())) {
            return "the blacklisted application answered " + blacklisted.status() + " " + blacklisted.body();
        }
        return null;
    }

    /**
     * An application scored for manual review (age 22, retail, 300,000.00 for 24 months: 670 points), taken through
     * the workbench by three reviewers, then GRANTED by approval-service in credit-service: the customer's limit tree
     * shows the new line, and the partner's callback endpoint receives the GRANTED decision signed with its key.
     * Returns a problem, or null.
     */
    private String reviewedToGrantedLine(PartnerClient client, String secret, String customerId, List<String> lines) {
        try (CallbackReceiver partner = new CallbackReceiver()) {
            PartnerResponse submitted = client.post("/api/v1/credit-applications", applicationBody(customerId,
                    "reviewed", "110101199003070011", 22, "RETAIL", "300000.00", 24, partner.url()),
                    "smoke-" + runId + "-app-reviewed");
            String applicationId = submitted.json().path("applicationId").asText();
            lines.add("credit application (manual review): " + submitted.status() + " " + applicationId + " "
                    + submitted.json().path("status").asText() + " at " + submitted.json().path("stage").asText()
                    + ", score " + submitted.json().path("score").asInt() + ", callback to " + partner.url());
            if (submitted.status() != 201 || !"FIRST_REVIEW".equals(submitted.json().path("stage").asText())) {
                return "the application for manual review answered " + submitted.status() + " " + submitted.body();
            }
            String problem = workbench.approveAtEveryStage(applicationId, "250000.00", lines);
            if (problem != null) {
                return problem;
            }
            Poll.Outcome<JsonNode> granted = Poll.until(() -> client.get("/api/v1/credit-applications/"
                    + applicationId, List.of()).json(), a -> "GRANTED".equals(a.path("status").asText()), settle,
                    POLL_INTERVAL);
            if (!granted.satisfied()) {
                return "application " + applicationId + " not GRANTED within " + settle.toSeconds()
                        + " s; last seen " + granted.lastSeen();
            }
            String lineId = granted.last().path("lineId").asText();
            JsonNode limits = client.get("/api/v1/customers/" + customerId + "/limits", List.of()).json();
            boolean shown = limits.path("lines").findValuesAsText("lineId").contains(lineId);
            lines.add("application " + applicationId + " GRANTED: line " + lineId + " of "
                    + granted.last().path("approvedAmount").asText() + " in credit-service, in the customer's limit"
                    + " tree: " + shown);
            if (!shown) {
                return "the granted line " + lineId + " is not in the limit tree of " + customerId;
            }
            return signedCallback(partner, secret, applicationId + ":GRANTED:1", lines);
        } catch (java.io.IOException e) {
            return "cannot open the partner's callback endpoint: " + e.getMessage();
        }
    }

    /** The GRANTED decision reached the partner's endpoint, signed with the partner's key. Returns a problem, or null. */
    private String signedCallback(CallbackReceiver partner, String secret, String eventId, List<String> lines) {
        Poll.Outcome<List<CallbackReceiver.Received>> arrived = Poll.until(partner::received,
                all -> all.stream().anyMatch(r -> eventId.equals(r.eventId())), settle, POLL_INTERVAL);
        if (!arrived.satisfied()) {
            return "no callback " + eventId + " within " + settle.toSeconds() + " s; received "
                    + partner.received().stream().map(CallbackReceiver.Received::eventId).toList();
        }
        CallbackReceiver.Received callback = arrived.last().stream().filter(r -> eventId.equals(r.eventId()))
                .findFirst().orElseThrow();
        boolean verified = CallbackVerifier.verifyCallback(secret, callback.eventId(), callback.timestamp(),
                callback.signature(), callback.body(), java.time.Instant.now(), CallbackVerifier.DEFAULT_WINDOW);
        lines.add("signed callback " + eventId + " received by the partner (key " + callback.keyId()
                + "), signature verified: " + verified);
        return verified ? null : "the callback " + eventId + " does not verify with the partner's secret";
    }

    private String applicationBody(String customerId, String kind, String identityNumber) {
        return applicationBody(customerId, kind, identityNumber, 40, "MANUFACTURING", "100000.00", 12, null);
    }

    private String applicationBody(String customerId, String kind, String identityNumber, int age, String industry,
                                   String amount, int termMonths, String callbackUrl) {
        return "{\"partnerApplicationId\":\"smoke-" + runId + "-" + kind + "\",\"customerId\":\"" + customerId
                + "\",\"applicant\":{\"name\":\"Li Lei\",\"identityType\":\"ID_CARD\",\"identityNumber\":\""
                + identityNumber + "\",\"phone\":\"13800138000\",\"age\":" + age + ",\"industry\":\"" + industry
                + "\",\"declaredAnnualRevenue\":\"1000000.00\",\"regionPath\":\"/CN/EAST/SH\"},"
                + "\"limitType\":\"GUARANTEE\",\"amount\":\"" + amount + "\",\"currency\":\"CNY\",\"termMonths\":"
                + termMonths + ",\"productIds\":[\"P-1\"],\"productLine\":\"DEALER\""
                + (callbackUrl == null ? "" : ",\"callbackUrl\":\"" + callbackUrl + "\"") + "}";
    }

    private static String drawdownBody(JsonNode customer, String amount) {
        return "{\"customerId\":\"" + customer.path("customerId").asText() + "\",\"lineId\":\""
                + customer.path("lineId").asText() + "\",\"productNodeId\":" + customer.path("productNodeId").asLong()
                + ",\"amount\":\"" + amount + "\",\"currency\":\"CNY\",\"payeeAccount\":\"6222000000000001\"}";
    }

    /** Creates the demo partner (idempotent) and a fresh key, revoking the keys of earlier runs first. */
    private JsonNode partnerKey() {
        operator("POST", "ops/v1/partners", "{\"partnerId\":\"" + PARTNER_ID + "\",\"name\":\"Demo Bank\",\"scopes\":"
                + "[\"CUSTOMERS_READ\",\"CUSTOMERS_WRITE\",\"LOANS_READ\",\"LOANS_WRITE\",\"HOLDS_WRITE\",\"APPLICATIONS\"]}");
        JsonNode partner = operator("GET", "ops/v1/partners/" + PARTNER_ID, null);
        for (JsonNode key : partner.path("keys")) {
            if ("ACTIVE".equals(key.path("status").asText())) {
                operator("POST", "ops/v1/partners/" + PARTNER_ID + "/keys/" + key.path("keyId").asText() + "/revoke", null);
            }
        }
        return operator("POST", "ops/v1/partners/" + PARTNER_ID + "/keys", null);
    }

    private JsonNode operator(String method, String path, String body) {
        return operator.call(method, path, body);
    }
}
