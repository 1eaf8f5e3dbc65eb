package io.creditsuite.devstack;

import io.creditsuite.devstack.BankRequest.Attempt;
import io.creditsuite.devstack.LendingFixture.Customer;
import io.creditsuite.devstack.LendingFixture.Lender;
import io.creditsuite.partnerclient.PartnerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A bank request on the wire: its path and body on the partner API, made once per request ({@link #of}; a hold's
 * body carries an expiry time, and a retry with the same key must send the same body), and signed sends of it.
 */
final class BankCalls {

    /** One request's call: every {@link #send} sends the same path, body and Idempotency-Key. */
    record Call(Lender lender, BankRequest request, String path, String body) {
        Sent send() {
            long began = System.nanoTime();
            try {
                PartnerResponse response = lender.client().post(path, body, request.key());
                Attempt attempt = new Attempt(response.status(), response.body(),
                        response.header("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false));
                return new Sent(attempt, response.header("Content-Type").orElse(""), since(began));
            } catch (RuntimeException noAnswer) {
                return new Sent(new Attempt(-1, String.valueOf(noAnswer.getMessage()), false), "", since(began));
            }
        }
    }

    /** One send: what the client was told, the answer's Content-Type ("" without an answer) and how long it took. */
    record Sent(Attempt attempt, String contentType, Duration took) {
    }

    private BankCalls() {
    }

    static Call of(Lender lender, BankRequest request) {
        return new Call(lender, request, path(request), body(lender, request));
    }

    static String path(BankRequest request) {
        return switch (request.kind()) {
            case DRAWDOWN -> "/api/v1/loans";
            case REPAYMENT -> "/api/v1/loans/" + request.target() + "/repayments";
            case HOLD -> "/api/v1/holds";
            case RELEASE -> "/api/v1/holds/" + request.target() + "/release";
        };
    }

    static String body(Lender lender, BankRequest request) {
        return switch (request.kind()) {
            case DRAWDOWN -> customer(lender, request).drawdown(amount(request.amountMinor()));
            case REPAYMENT -> "{\"principal\":\"" + amount(request.amountMinor()) + "\",\"interest\":\"0.50\","
                    + "\"currency\":\"CNY\",\"payerAccount\":\"" + LendingFixture.PAYEE + "\"}";
            case HOLD -> {
                Customer customer = customer(lender, request);
                yield "{\"customerId\":\"" + customer.customerId() + "\",\"lineId\":\"" + customer.lineId()
                        + "\",\"nodeId\":" + customer.productNodeId() + ",\"amount\":\"" + amount(request.amountMinor())
                        + "\",\"currency\":\"CNY\",\"expiresAt\":\"" + Instant.now().plus(Duration.ofHours(6)) + "\"}";
            }
            case RELEASE -> "{}";
        };
    }

    static String amount(long minor) {
        return String.format(Locale.ROOT, "%d.%02d", minor / 100, minor % 100);
    }

    private static Customer customer(Lender lender, BankRequest request) {
        return lender.customers().stream().filter(c -> c.customerId().equals(request.customerId())).findFirst()
                .orElseThrow();
    }

    private static Duration since(long began) {
        return Duration.ofNanos(System.nanoTime() - began);
    }
}
