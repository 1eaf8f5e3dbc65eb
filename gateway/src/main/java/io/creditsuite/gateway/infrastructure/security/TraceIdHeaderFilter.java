package io.creditsuite.gateway.infrastructure.security;

import io.creditsuite.support.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every response carries {@value #HEADER}: SkyWalking's trace id when the agent is attached, else the request id
 * ({@link Problems#traceId()}). Set before the chain runs, so errors of later filters carry it too.
 * Runs right after the request-id filter.
 */
public class TraceIdHeaderFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Trace-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = Problems.traceId();
        if (traceId != null) {
            response.setHeader(HEADER, traceId);
        }
        chain.doFilter(request, response);
    }
}
