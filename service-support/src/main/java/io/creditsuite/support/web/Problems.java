package io.creditsuite.support.web;

import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.support.requestid.RequestIds;
import java.net.URI;
import org.apache.skywalking.apm.toolkit.trace.TraceContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one rendering of an error over HTTP, {@code application/problem+json} (RFC 9457): type
 * {@code urn:credit-suite:error:<code>}, the code's title and status, a detail, the stable {@code code}, the request id
 * and the trace id. The gateway's advice and its edge filters use it, and so does every servlet filter of
 * service-support that refuses a request before Spring MVC runs.
 */
public final class Problems {
    private Problems() {
    }

    /** The problem for {@code code}; a null detail is the code's own message. */
    public static ProblemDetail problem(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()),
                detail == null ? code.message() : detail);
        problem.setType(URI.create("urn:credit-suite:error:" + code.code()));
        problem.setTitle(code.message());
        problem.setProperty("code", code.code());
        problem.setProperty("requestId", RequestIds.current());
        problem.setProperty("traceId", traceId());
        return problem;
    }

    /**
     * The trace id of the current request: SkyWalking's when its agent is attached, else (no agent: the toolkit
     * answers "" or "N/A") the request id, so a partner always has one id to quote.
     */
    public static String traceId() {
        String traceId = TraceContext.traceId();
        return traceId == null || traceId.isEmpty() || "N/A".equals(traceId) ? RequestIds.current() : traceId;
    }
}
