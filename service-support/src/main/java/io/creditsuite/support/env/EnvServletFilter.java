package io.creditsuite.support.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.support.requestid.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.skywalking.apm.toolkit.trace.ActiveSpan;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes a request's environment from its {@value Environments#HEADER} header into the log context (so every later
 * Dubbo call and outbox event carries it), tags the trace with it and echoes it. A header that is not an environment
 * name is refused with 400 problem+json {@code CS-1000} before anything runs: a misspelt branch must not silently
 * become the baseline.
 */
public class EnvServletFilter extends OncePerRequestFilter {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String env = request.getHeader(Environments.HEADER);
        if (env == null || env.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!Environments.valid(env)) {
            refuse(request, response);
            return;
        }
        Environments.set(env);
        ActiveSpan.tag(Environments.MDC_KEY, env);
        response.setHeader(Environments.HEADER, env);
        try {
            chain.doFilter(request, response);
        } finally {
            Environments.set(null);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorCode code = ErrorCode.INVALID_ARGUMENT;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:credit-suite:error:" + code.code());
        problem.put("title", code.message());
        problem.put("status", code.httpStatus());
        problem.put("detail", "header " + Environments.HEADER + " must name an environment: lower-case letters,"
                + " digits and dashes, at most 32 (or be absent for the baseline)");
        problem.put("instance", request.getRequestURI());
        problem.put("code", code.code());
        problem.put("requestId", RequestIds.current());
        response.setStatus(code.httpStatus());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
