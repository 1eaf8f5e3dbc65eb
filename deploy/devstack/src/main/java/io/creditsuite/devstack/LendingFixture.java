package io.creditsuite.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditsuite.devstack.smoke.LendingSmoke;
import io.creditsuite.devstack.smoke.OperatorClient;
import io.creditsuite.partnerclient.PartnerClient;
import io.creditsuite.partnerclient.PartnerResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The operator's side of the lending system tests, over the gateway's {@code /ops} endpoints: a partner with a
 * signing key and a seeded demo lender (funding, a guarantee shared by its customers, one line each), and the
 * freezes and unfreezes of lines and accounts. Every id carries a run id, so a class can seed as many lenders as it
 * needs on one stack.
 */
final class LendingFixture {
    static final String PAYEE = "6222000000000001";
    private static final String SCOPES = "[\"CUSTOMERS_READ\",\"CUSTOMERS_WRITE\",\"LOANS_READ\",\"LOANS_WRITE\",\"HOLDS_WRITE\"]";

    private final URI gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String runId = UUID.randomUUID().toString().substring(0, 6);

    private final String operatorToken;

    LendingFixture(String gatewayUrl) {
        this(gatewayUrl, LendingSmoke.DEVSTACK_OPERATOR_TOKEN);
    }

    LendingFixture(String gatewayUrl, String operatorToken) {
        this.gateway = URI.create(gatewayUrl.endsWith("/") ? gatewayUrl : gatewayUrl + "/");
        this.operatorToken = operatorToken;
    }

    /** Amounts in minor units (CNY fen); {@code lineTermDays < 0}: the customers' lines have already expired. */
    record Terms(long fundingMinor, long guaranteeLimitMinor, long lineLimitMinor, int lineTermDays) {
    }

    record Customer(String customerId, String lineId, long productNodeId, long loanAccountId) {
        /** A drawdown body, the amount a decimal string ("100.00"). */
        String drawdown(String amount) {
            return "{\"customerId\":\"" + customerId + "\",\"lineId\":\"" + lineId + "\",\"productNodeId\":"
                    + productNodeId + ",\"amount\":\"" + amount + "\",\"currency\":\"CNY\",\"payeeAccount\":\""
                    + PAYEE + "\"}";
        }
    }

    record Lender(String partnerId, String keyId, String secret, PartnerClient client, long fundingAccountId,
                  long guaranteeNodeId, List<Customer> customers) {
        Customer customer(int index) {
            return customers.get(index);
        }

        /** Every line of the lender (its customers' and the guarantee) starts with the partner id. */
        String linePrefix() {
            return partnerId + "-";
        }

        String customerIds() {
            return String.join(",", customers.stream().map(Customer::customerId).toList());
        }
    }

    /** A gateway partner with a fresh key and a demo lender of the same id, seeded with {@code terms}. */
    Lender lender(String name, int customers, Terms terms) {
        String partnerId = "it" + runId + "-" + name;
        operator("POST", "ops/v1/partners", "{\"partnerId\":\"" + partnerId + "\",\"name\":\"" + name
                + "\",\"scopes\":" + SCOPES + "}");
        JsonNode key = operator("POST", "ops/v1/partners/" + partnerId + "/keys", null);
        JsonNode seeded = operator("POST", "ops/v1/demo/lenders", "{\"partnerId\":\"" + partnerId + "\",\"name\":\""
                + name + "\",\"customers\":" + customers + ",\"fundingMinor\":" + terms.fundingMinor()
                + ",\"guaranteeLimitMinor\":" + terms.guaranteeLimitMinor() + ",\"lineLimitMinor\":"
                + terms.lineLimitMinor() + ",\"lineTermDays\":" + terms.lineTermDays() + "}");
        List<Customer> seededCustomers = new ArrayList<>();
        for (JsonNode c : seeded.path("customers")) {
            seededCustomers.add(new Customer(c.path("customerId").asText(), c.path("lineId").asText(),
                    c.path("productNodeId").asLong(), c.path("loanAccountId").asLong()));
        }
        String keyId = key.path("keyId").asText();
        String secret = key.path("secret").asText();
        return new Lender(partnerId, keyId, secret, new PartnerClient(gateway, keyId, secret, Clock.systemUTC()),
                seeded.path("partner").path("fundingAccountId").asLong(), seeded.path("guaranteeNodeId").asLong(),
                List.copyOf(seededCustomers));
    }

    PartnerClient client(Lender lender, String secret, Clock clock) {
        return new PartnerClient(gateway, lender.keyId(), secret, clock);
    }

    void freezeLine(String lineId) {
        change("lines/" + lineId + "/freeze");
    }

    void unfreezeLine(String lineId) {
        change("lines/" + lineId + "/unfreeze");
    }

    void freezeAccount(long accountId) {
        change("accounts/" + accountId + "/freeze");
    }

    void unfreezeAccount(long accountId) {
        change("accounts/" + accountId + "/unfreeze");
    }

    /** The demo lender's invariants ({@code DemoInvariants}): credit used = loan balance, limits, conservation, chains. */
    JsonNode invariants(Lender lender) {
        return operator("GET", "ops/v1/demo/lenders/" + lender.partnerId() + "/invariants?customerIds="
                + lender.customerIds(), null);
    }

    /** A request sent as is (no signature unless the caller adds one), answered as the partner client answers. */
    PartnerResponse raw(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new PartnerResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    HttpRequest.Builder request(String rawPath) {
        return HttpRequest.newBuilder(gateway.resolve(rawPath.substring(1)));
    }

    private void change(String path) {
        operator("POST", "ops/v1/demo/" + path, "{\"requestId\":\"it-" + UUID.randomUUID()
                + "\",\"reason\":\"LendingSystemIT\"}");
    }

    private JsonNode operator(String method, String path, String body) {
        return new OperatorClient(gateway, operatorToken).call(method, path, body);
    }
}
