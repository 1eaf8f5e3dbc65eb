package io.creditsuite.gateway.infrastructure.security;

import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.gateway.domain.partner.CanonicalRequest;
import io.creditsuite.gateway.domain.partner.PartnerPrincipal;
import io.creditsuite.gateway.domain.partner.PartnerScope;
import io.creditsuite.gateway.domain.partner.ScopeRoutes;
import io.creditsuite.gateway.domain.partner.SignaturePolicy;
import io.creditsuite.gateway.domain.partner.SignedAuthorization;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of the partner API ({@code /api/v1/**} except {@code /api/v1/system/**}). In this order, each refusal
 * rendered as problem+json:
 * <ol>
 *   <li>a path not in normal form ({@link RequestPaths}): CS-1000 400</li>
 *   <li>body larger than the limit: CS-6009 413; a POST/PUT/PATCH body that is not application/json: CS-6010 415</li>
 *   <li>no or malformed {@code Authorization: CS1-HMAC-SHA256 ...}: CS-6001</li>
 *   <li>timestamp outside the window: CS-6003</li>
 *   <li>unknown or revoked key, or a signature that does not match: CS-6002 (one code: no key enumeration)</li>
 *   <li>nonce seen before for this key: CS-6004 (recorded only once the signature is valid, so nobody can burn
 *       a partner's nonces)</li>
 *   <li>a scope the key lacks, by {@link ScopeRoutes}: CS-6005 403</li>
 * </ol>
 * Then the request proceeds with its body cached and {@link PartnerPrincipal#ATTRIBUTE} set.
 */
public class PartnerSignatureFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(PartnerSignatureFilter.class);

    private final SignaturePolicy policy;
    private final JdbcSigningKeys keys;
    private final JdbcNonceStore nonces;
    private final ScopeRoutes routes;
    private final ProblemWriter problems;
    private final int maxBodyBytes;

    public PartnerSignatureFilter(SignaturePolicy policy, JdbcSigningKeys keys, JdbcNonceStore nonces,
                                  ScopeRoutes routes, ProblemWriter problems, int maxBodyBytes) {
        this.policy = policy;
        this.keys = keys;
        this.nonces = nonces;
        this.routes = routes;
        this.problems = problems;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Whether a path belongs to the signed partner API. */
    public static boolean isPartnerPath(String path) {
        return path.startsWith("/api/v1/") && !path.startsWith("/api/v1/system/") && !path.equals("/api/v1/system");
    }

    /** Whether a request is for the signed partner API, judged by its raw and by its routed path. */
    public static boolean isPartnerRequest(HttpServletRequest request) {
        return isPartnerPath(request.getRequestURI()) || isPartnerPath(RequestPaths.routed(request));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isPartnerRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!RequestPaths.isNormalForm(request)) {
            problems.write(request, response, ErrorCode.INVALID_ARGUMENT,
                    "the path must be in normal form: no ';', no '.' or '..' segments, no empty segments");
            return;
        }
        if (hasBody(request.getMethod()) && !isJson(request.getContentType())) {
            problems.write(request, response, ErrorCode.MEDIA_TYPE_UNSUPPORTED,
                    "the body must be application/json, got " + (request.getContentType() == null ? "no Content-Type"
                            : "'" + request.getContentType() + "'"));
            return;
        }
        Optional<CachedBodyRequest> cached = CachedBodyRequest.read(request, maxBodyBytes);
        if (cached.isEmpty()) {
            problems.write(request, response, ErrorCode.BODY_TOO_LARGE,
                    "the body exceeds " + maxBodyBytes + " bytes");
            return;
        }
        CachedBodyRequest body = cached.get();
        Optional<SignedAuthorization> header = SignedAuthorization.parse(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (header.isEmpty()) {
            problems.write(request, response, ErrorCode.SIGNATURE_MISSING, "expected Authorization: "
                    + SignaturePolicy.ALGORITHM + " keyId=..., timestamp=..., nonce=..., signature=..."
                    + " (nonce: 8 to 64 of A-Z a-z 0-9 _ -; timestamp: epoch seconds)");
            return;
        }
        SignedAuthorization auth = header.get();
        if (!policy.isFresh(auth.timestampEpochSeconds())) {
            problems.write(request, response, ErrorCode.TIMESTAMP_OUT_OF_WINDOW, "timestamp " + auth.timestampEpochSeconds()
                    + " is more than " + policy.window().toSeconds() + " s from the gateway's clock");
            return;
        }
        long signatureStart = System.nanoTime();
        Optional<SigningKey> key = keys.activeKey(auth.keyId());
        boolean matches = key.isPresent() && signatureMatches(request, body, auth, key.get());
        EdgeTimers.SIGNATURE.record(System.nanoTime() - signatureStart, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (!matches) {
            log.info("partner signature refused: keyId={} knownActiveKey={}", auth.keyId(), key.isPresent());
            problems.write(request, response, ErrorCode.SIGNATURE_INVALID, null);
            return;
        }
        Instant nonceExpiry = Instant.ofEpochSecond(policy.nonceExpiresAtEpochSeconds(auth.timestampEpochSeconds()));
        if (!EdgeTimers.time(EdgeTimers.NONCE, () -> nonces.firstUse(auth.keyId(), auth.nonce(), nonceExpiry))) {
            log.warn("partner nonce replayed: keyId={} nonce={}", auth.keyId(), auth.nonce());
            problems.write(request, response, ErrorCode.NONCE_REPLAYED, null);
            return;
        }
        String path = RequestPaths.routed(request);
        Optional<PartnerScope> needed = routes.requiredScope(request.getMethod(), path);
        if (needed.isEmpty() || !key.get().scopes().contains(needed.get())) {
            problems.write(request, response, ErrorCode.SCOPE_DENIED, needed
                    .map(scope -> request.getMethod() + " " + path + " needs scope " + scope)
                    .orElse("no partner operation is " + request.getMethod() + " " + path));
            return;
        }
        body.setAttribute(PartnerPrincipal.ATTRIBUTE,
                new PartnerPrincipal(key.get().partnerId(), key.get().keyId(), key.get().scopes()));
        chain.doFilter(body, response);
    }

    private static boolean signatureMatches(HttpServletRequest request, CachedBodyRequest body,
                                            SignedAuthorization auth, SigningKey key) {
        String canonical;
        try {
            canonical = CanonicalRequest.of(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                    auth.timestampEpochSeconds(), auth.nonce(), body.body());
        } catch (IllegalArgumentException malformedQuery) {
            return false;
        }
        return SignaturePolicy.signatureMatches(key.secret(), canonical, auth.signature());
    }

    private static boolean hasBody(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
