package io.creditsuite.gateway.infrastructure.idempotency;

import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.gateway.domain.partner.IdempotencyPolicy;
import io.creditsuite.gateway.domain.partner.PartnerPrincipal;
import io.creditsuite.gateway.infrastructure.security.CachedBodyRequest;
import io.creditsuite.gateway.infrastructure.security.EdgeTimers;
import io.creditsuite.gateway.infrastructure.security.PartnerSignatureFilter;
import io.creditsuite.gateway.infrastructure.security.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Idempotency-Key on every partner POST; runs after {@link PartnerSignatureFilter} (so the partner is known and the
 * body cached). The first request with a key inserts an IN_PROGRESS claim, runs, and stores its response; later ones
 * are answered by {@link IdempotencyPolicy}: replay (with {@code Idempotent-Replayed: true}), CS-6007 422, CS-6008
 * 409, or a take-over of an expired or stale record.
 *
 * <p>What is stored: every response the endpoint produced, 4xx and 5xx included (as Stripe does), except
 * <ul>
 *   <li>400: a bad request writes nothing (house rule), so the partner may fix the body and retry under the same key
 *       (as Stripe: nothing is stored when validation fails);</li>
 *   <li>429 and 503, and an exception that escaped: the request may not have run, so the claim is released and a
 *       retry with the same key runs again (downstream services dedupe by the request id the controller derives from
 *       {@link #KEY_ATTRIBUTE}, so a retry cannot move money twice);</li>
 *   <li>409: the service's outcome is not final yet (CS-1002, e.g. a drawdown whose global transaction is being
 *       settled), so the retry must reach it again; the service answers a final conflict again by itself.</li>
 * </ul>
 * Refusals before execution (signature, size, media type, a missing or malformed key) are never stored.
 */
public class IdempotencyFilter extends OncePerRequestFilter {
    /** Request attribute: the validated Idempotency-Key, for controllers deriving downstream request ids from it. */
    public static final String KEY_ATTRIBUTE = "creditsuite.idempotencyKey";

    private final JdbcIdempotencyRecords records;
    private final IdempotencyPolicy policy;
    private final ProblemWriter problems;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyFilter(JdbcIdempotencyRecords records, IdempotencyPolicy policy, ProblemWriter problems,
                             Clock clock, Duration retention) {
        this.records = records;
        this.policy = policy;
        this.problems = problems;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PartnerSignatureFilter.isPartnerRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PartnerPrincipal partner = (PartnerPrincipal) request.getAttribute(PartnerPrincipal.ATTRIBUTE);
        CachedBodyRequest body = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        if (partner == null || body == null) {
            throw new IllegalStateException("the idempotency filter must run after the signature filter");
        }
        String key = request.getHeader(IdempotencyPolicy.HEADER);
        if (!IdempotencyPolicy.isWellFormedKey(key)) {
            problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_MISSING, key == null
                    ? "a POST needs an Idempotency-Key header" : "the Idempotency-Key must be 1 to 64 printable ASCII characters");
            return;
        }
        String fingerprint = IdempotencyPolicy.fingerprint(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), body.body());
        Instant expiresAt = clock.instant().plus(retention);
        Optional<Instant> claim = EdgeTimers.time(EdgeTimers.IDEMPOTENCY_CLAIM,
                () -> records.claim(partner.partnerId(), key, fingerprint, expiresAt));
        if (claim.isEmpty()) {
            claim = answerExisting(request, response, partner.partnerId(), key, fingerprint, expiresAt);
            if (claim.isEmpty()) {
                return;
            }
        }
        request.setAttribute(KEY_ATTRIBUTE, key);
        execute(request, response, chain, partner.partnerId(), key, claim.get());
    }

    /**
     * See the class comment: 400 wrote nothing, 429 and 503 may not have run, and a 409 says the outcome is not known
     * yet (CS-1002: the service is still deciding it), so the partner's retry must reach the service again for the
     * final answer instead of a replay of "in progress" for the key's whole retention. A 409 that is final (a
     * conflict of state) is answered again by the service, which is idempotent by the same request id.
     */
    static boolean isWorthReplaying(int status) {
        return status != 400 && status != 409 && status != 429 && status != 503;
    }

    /** Answers a key seen before, or returns the claim taken over from an expired or stale record. */
    private Optional<Instant> answerExisting(HttpServletRequest request, HttpServletResponse response, String partnerId,
                                             String key, String fingerprint, Instant expiresAt) throws IOException {
        Optional<IdempotencyRecord> found = records.find(partnerId, key);
        if (found.isEmpty()) { // purged between our insert and our read: one more try at a fresh claim
            Optional<Instant> claim = records.claim(partnerId, key, fingerprint, expiresAt);
            if (claim.isEmpty()) {
                problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, null);
            }
            return claim;
        }
        IdempotencyRecord existing = found.get();
        IdempotencyPolicy.Decision decision = policy.decide(existing.fingerprint(),
                existing.status() == IdempotencyRecord.Status.COMPLETED, existing.claimedAt(), existing.expiresAt(),
                fingerprint, clock.instant());
        switch (decision) {
            case REPLAY -> replay(response, existing);
            case KEY_REUSED -> problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "the Idempotency-Key '" + key + "' was used with another method, path or body");
            case IN_PROGRESS -> problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                    "the first request with this Idempotency-Key is still running; retry later with the same key");
            case TAKE_OVER -> {
                Optional<Instant> claim = records.reclaim(partnerId, key, existing.claimedAt(), fingerprint, expiresAt);
                if (claim.isEmpty()) { // another request took it over first
                    problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, null);
                }
                return claim;
            }
        }
        return Optional.empty();
    }

    private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                         String partnerId, String key, Instant claim) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, captured);
            int status = captured.getStatus();
            if (isWorthReplaying(status)) {
                EdgeTimers.time(EdgeTimers.IDEMPOTENCY_COMPLETE, () -> {
                    records.complete(partnerId, key, claim, status, captured.getContentType(),
                            captured.getContentAsByteArray());
                    return null;
                });
                stored = true;
            }
        } finally {
            if (!stored) {
                records.release(partnerId, key, claim);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyRecord record) throws IOException {
        response.setStatus(record.responseStatus());
        if (record.responseType() != null) {
            response.setContentType(record.responseType());
        }
        response.setHeader(IdempotencyPolicy.REPLAYED_HEADER, "true");
        byte[] body = record.responseBody() == null ? new byte[0] : record.responseBody();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
