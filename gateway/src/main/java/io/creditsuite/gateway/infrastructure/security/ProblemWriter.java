package io.creditsuite.gateway.infrastructure.security;

import io.creditsuite.support.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes an error raised in a servlet filter as RFC 9457 problem+json, built by {@link Problems#problem}
 * so it is the same document the MVC advice renders (Spring's advice never sees errors thrown in filters).
 */
public class ProblemWriter {
    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        ProblemDetail problem = Problems.problem(code, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.resetBuffer();
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
        response.flushBuffer();
    }
}
