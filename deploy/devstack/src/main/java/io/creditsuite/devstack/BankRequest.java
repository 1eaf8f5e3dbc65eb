package io.creditsuite.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One partner request of the bank test under one Idempotency-Key, with every attempt the client made with that key
 * and what each told it. {@link #outcome()} is what the client may believe afterwards:
 * <ul>
 *   <li>{@link Outcome#OK}: some attempt answered 2xx; the request must be reflected exactly once;</li>
 *   <li>{@link Outcome#FAILED}: an attempt answered with a final refusal (a 4xx the gateway stores, a drawdown
 *       whose loan is REFUSED) or every attempt was refused before it ran (429, 400); reflected nowhere;</li>
 *   <li>{@link Outcome#UNKNOWN}: no answer (timeout, connection refused), a 5xx, or "still in progress" (409
 *       CS-1002 / CS-6008) on every attempt; reflected at most once.</li>
 * </ul>
 */
final class BankRequest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Refused before anything ran: the gateway keeps no record and nothing downstream was asked. */
    private static final Set<Integer> NOT_RUN = Set.of(400, 429);
    /** 409s that say "not final yet": the request may still take effect. */
    private static final Set<String> NOT_FINAL = Set.of("CS-1002", "CS-6008");

    enum Kind { DRAWDOWN, REPAYMENT, HOLD, RELEASE }

    enum Outcome { OK, FAILED, UNKNOWN }

    /** One send: the HTTP status and body, or status -1 and the error when no answer came. */
    record Attempt(int status, String body, boolean replayed) {
        boolean answered() {
            return status > 0;
        }

        boolean success() {
            return status >= 200 && status < 300;
        }

        /** A final answer the gateway stores and replays: 2xx and the 4xx that are not "not run" nor "not final". */
        boolean stored() {
            return success() || (status >= 400 && status < 500 && !NOT_RUN.contains(status)
                    && !NOT_FINAL.contains(code().orElse("")));
        }

        /** A refusal that is final: a stored 4xx, or any answer carrying a REFUSED loan (a 503 UNAVAILABLE drawdown). */
        boolean finalRefusal() {
            return (stored() && !success()) || "REFUSED".equals(json().path("loan").path("status").asText());
        }

        Optional<String> code() {
            return Optional.ofNullable(json().path("code").textValue());
        }

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
            } catch (IOException notJson) {
                return JSON.missingNode();
            }
        }
    }

    private final Kind kind;
    private final String key;
    private final String customerId;
    /** The loan a repayment repays, the partner's hold id (its freeze's key) a release releases; else null. */
    private final String target;
    private final long amountMinor;
    private final List<Attempt> attempts = new ArrayList<>();

    BankRequest(Kind kind, String key, String customerId, String target, long amountMinor) {
        this.kind = kind;
        this.key = key;
        this.customerId = customerId;
        this.target = target;
        this.amountMinor = amountMinor;
    }

    void add(Attempt attempt) {
        attempts.add(attempt);
    }

    Kind kind() {
        return kind;
    }

    String key() {
        return key;
    }

    String customerId() {
        return customerId;
    }

    String target() {
        return target;
    }

    long amountMinor() {
        return amountMinor;
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    Outcome outcome() {
        if (attempts.stream().anyMatch(Attempt::success)) {
            return Outcome.OK;
        }
        if (attempts.stream().anyMatch(Attempt::finalRefusal)
                || attempts.stream().allMatch(a -> NOT_RUN.contains(a.status()))) {
            return Outcome.FAILED;
        }
        return Outcome.UNKNOWN;
    }

    /** The loan a drawdown created (from a success body, or a refusal's loan), if any attempt said. */
    Optional<String> loanId() {
        for (Attempt attempt : attempts) {
            JsonNode json = attempt.json();
            String id = attempt.success() ? json.path("loanId").asText("") : json.path("loan").path("loanId").asText("");
            if (!id.isEmpty()) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * Retries whose answer differs from the first stored one: once the gateway stored a final answer for this key,
     * every later final answer (2xx or stored 4xx) must be that body again. A retry that got no answer, a 429 or a
     * 5xx (the gateway or its database down) says nothing about the request and is not compared.
     */
    List<String> retryMismatches() {
        List<String> mismatches = new ArrayList<>();
        Attempt first = null;
        for (Attempt attempt : attempts) {
            if (first == null) {
                first = attempt.stored() ? attempt : null;
            } else if (attempt.stored() && !attempt.body().equals(first.body())) {
                mismatches.add(kind + " " + key + ": " + first.status() + " " + first.body() + " then " + attempt.status()
                        + (attempt.replayed() ? " (replayed) " : " ") + attempt.body());
            }
        }
        return mismatches;
    }

    /** Retries compared with a stored answer: final answers after the first stored one. */
    int comparedRetries() {
        int index = 0;
        while (index < attempts.size() && !attempts.get(index).stored()) {
            index++;
        }
        return (int) attempts.stream().skip(index + 1L).filter(Attempt::stored).count();
    }
}
