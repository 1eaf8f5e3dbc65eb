package io.creditsuite.gateway.infrastructure.security;

import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.gateway.domain.partner.CanonicalRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operator endpoints ({@code /ops/**}) need {@value #HEADER} equal to the configured operator token, compared in
 * constant time; otherwise CS-6013 401.
 */
public class OperatorTokenFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Operator-Token";
    private final byte[] token;
    private final ProblemWriter problems;

    public OperatorTokenFilter(String token, ProblemWriter problems) {
        this.token = sha256(token);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.startsWith(request, "/ops/") && !RequestPaths.startsWith(request, "/ops;");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        // compare digests: equal lengths, so not even the token's length leaks through timing
        if (given == null || !MessageDigest.isEqual(token, sha256(given))) {
            problems.write(request, response, ErrorCode.OPERATOR_TOKEN_INVALID, null);
            return;
        }
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String text) {
        return CanonicalRequest.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
