package io.creditsuite.support.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.support.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.apache.skywalking.apm.toolkit.trace.ActiveSpan;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes a request's environment from its {@value Environments#HEADER} header into the log context (so every later
 * Dubbo call and outbox event carries it), tags the trace with it and echoes it. A header that is not an environment
 * name is refused with 400 problem+json {@code CS-1000} ({@link Problems}) before anything runs: a misspelt branch must not silently
 * become the baseline.
 */
public class EnvServletFilter extends OncePerRequestFilter {
    /** Spring's builder registers the mixin that writes a ProblemDetail's properties at the top level. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

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
        ProblemDetail problem = Problems.problem(ErrorCode.INVALID_ARGUMENT, "header " + Environments.HEADER
                + " must name an environment: lower-case letters, digits and dashes, at most 32 (or be absent for the"
                + " baseline)");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
