package io.creditsuite.devstack;

import io.creditsuite.devstack.LendingFixture.Customer;
import io.creditsuite.devstack.LendingFixture.Lender;
import io.creditsuite.partnerclient.PartnerClient;
import io.creditsuite.partnerclient.PartnerResponse;
import io.creditsuite.partnerclient.RequestSigner;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The hostile requests a partner API meets, each sent through the whole stack with the answer it must get: a 4xx
 * problem+json carrying a stable code. {@code victim} owns the customer and the loan that {@code intruder} (another
 * partner) reaches for; {@code loanId} is one of the victim's ACTIVE loans.
 */
final class HostileRequests {
    /** What could be forged into a log line by an id carrying CR LF; no log line may start with it. */
    static final String FORGED_LOG_LINE = "FORGED-LOG-LINE";

    private HostileRequests() {
    }

    record Case(String name, int status, String code, Supplier<PartnerResponse> send) {
    }

    static List<Case> battery(LendingFixture fixture, Lender victim, Lender intruder, String loanId) {
        Customer customer = victim.customer(0);
        PartnerClient client = victim.client();
        String valid = customer.drawdown("10.00");
        List<Case> cases = new ArrayList<>();

        // the signature
        cases.add(new Case("no signature", 401, "CS-6001", () -> fixture.raw(fixture.request("/api/v1/loans")
                .header("Content-Type", "application/json").header("Idempotency-Key", key())
                .POST(HttpRequest.BodyPublishers.ofString(valid)))));
        cases.add(new Case("a wrong signature", 401, "CS-6002", () -> fixture.client(victim, "not-the-secret",
                Clock.systemUTC()).post("/api/v1/loans", valid, key())));
        cases.add(new Case("a signature 10 minutes old", 401, "CS-6003", () -> fixture.client(victim, victim.secret(),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))).post("/api/v1/loans", valid, key())));
        cases.add(new Case("a replayed nonce", 401, "CS-6004", () -> replayedNonce(fixture, victim, loanId)));

        // another partner's records: 404 as if unknown, never 403
        cases.add(new Case("another partner's customer", 404, "CS-2001",
                () -> intruder.client().get("/api/v1/customers/" + customer.customerId(), List.of())));
        cases.add(new Case("a drawdown for another partner's customer", 404, "CS-2001",
                () -> intruder.client().post("/api/v1/loans", valid, key())));
        cases.add(new Case("another partner's loan", 404, "CS-2200",
                () -> intruder.client().get("/api/v1/loans/" + loanId, List.of())));
        cases.add(new Case("a repayment of another partner's loan", 404, "CS-2200",
                () -> intruder.client().post("/api/v1/loans/" + loanId + "/repayments", repayment("1.00"), key())));

        // the body
        cases.add(new Case("malformed JSON", 400, "CS-1000",
                () -> client.post("/api/v1/loans", valid.substring(0, valid.length() / 2), key())));
        cases.add(new Case("a node id as a string", 400, "CS-1000", () -> client.post("/api/v1/loans",
                valid.replace("\"productNodeId\":" + customer.productNodeId(), "\"productNodeId\":\"abc\""), key())));
        cases.add(new Case("an amount as a JSON number", 400, "CS-6011",
                () -> client.post("/api/v1/loans", valid.replace("\"10.00\"", "10.00"), key())));
        cases.add(new Case("an unknown field", 400, "CS-1000",
                () -> client.post("/api/v1/loans", valid.replace("{", "{\"rate\":\"0.01\","), key())));
        for (String amount : List.of("-1.00", "0", "0.00", "92233720368547758.08", "1.005", "1e3", " 1.00")) {
            cases.add(new Case("amount \"" + amount + "\"", 400, "CS-6011",
                    () -> client.post("/api/v1/loans", customer.drawdown(amount), key())));
        }
        cases.add(new Case("a repaid principal of \"0.001\"", 400, "CS-6011",
                () -> client.post("/api/v1/loans/" + loanId + "/repayments", repayment("0.001"), key())));
        cases.add(new Case("currency XYZ", 400, "CS-6012",
                () -> client.post("/api/v1/loans", valid.replace("\"CNY\"", "\"XYZ\""), key())));
        cases.add(new Case("a 1 MB body", 413, "CS-6009", () -> client.post("/api/v1/loans",
                valid.replace("}", ",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}"), key())));

        // ids made to break out of SQL or a log line
        cases.add(new Case("SQL in the customer id", 400, "CS-1000", () -> client.post("/api/v1/loans",
                valid.replace(customer.customerId(), "x' OR '1'='1"), key())));
        cases.add(new Case("SQL in the loan id of the path", 400, "CS-1000",
                () -> client.get("/api/v1/loans/x%27%20OR%20%271%27%3D%271", List.of())));
        cases.add(new Case("CR LF in the customer id", 400, "CS-1000", () -> client.post("/api/v1/loans",
                valid.replace(customer.customerId(), customer.customerId() + "\\r\\n" + FORGED_LOG_LINE), key())));
        cases.add(new Case("CR LF in the customer id of the path", 400, "CS-1000", () -> client.get(
                "/api/v1/customers/" + customer.customerId() + "%0D%0A" + FORGED_LOG_LINE, List.of())));
        return List.copyOf(cases);
    }

    /** One signed GET of the loan sent twice with the same nonce: the first is answered, the second refused. */
    private static PartnerResponse replayedNonce(LendingFixture fixture, Lender victim, String loanId) {
        String path = "/api/v1/loans/" + loanId;
        long timestamp = Clock.systemUTC().instant().getEpochSecond();
        String nonce = "it-replay-" + UUID.randomUUID().toString().substring(0, 8);
        String signature = RequestSigner.signature(victim.secret(),
                RequestSigner.canonicalRequest("GET", path, List.of(), timestamp, nonce, new byte[0]));
        String authorization = RequestSigner.authorization(victim.keyId(), timestamp, nonce, signature);
        PartnerResponse first = fixture.raw(fixture.request(path).header("Authorization", authorization).GET());
        if (first.status() != 200) {
            throw new AssertionError("the first use of the nonce answered " + first.status() + " " + first.body());
        }
        return fixture.raw(fixture.request(path).header("Authorization", authorization).GET());
    }

    private static String repayment(String principal) {
        return "{\"principal\":\"" + principal + "\",\"currency\":\"CNY\",\"payerAccount\":\"" + LendingFixture.PAYEE
                + "\"}";
    }

    private static String key() {
        return "it-hostile-" + UUID.randomUUID();
    }
}
