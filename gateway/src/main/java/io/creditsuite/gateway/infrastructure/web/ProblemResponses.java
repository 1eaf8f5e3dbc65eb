package io.creditsuite.gateway.infrastructure.web;

import static io.creditsuite.support.web.Problems.problem;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves the gateway as {@code application/problem+json} (RFC 9457) carrying the
 * stable {@link ErrorCode}, the request id and the SkyWalking trace id (the request id without the agent),
 * and never a stack trace: rendered by {@link io.creditsuite.support.web.Problems}, as the partner edge's filters do.
 */
@RestControllerAdvice
public class ProblemResponses {
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ApiException.class)
    ProblemDetail apiException(ApiException e) {
        return problem(e.errorCode(), e.detail());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(ErrorCode.INVALID_ARGUMENT, "the request body is missing or is not valid JSON of the expected shape");
    }

    /** A path or query value of the wrong type ({@code /ops/v1/full-checks/abc}) is the caller's error, not ours. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatched(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        return problem(ErrorCode.INVALID_ARGUMENT, e.getName() + " must be a "
                + (e.getRequiredType() == null ? "value of another type" : e.getRequiredType().getSimpleName()));
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpRequestMethodNotSupportedException.class})
    ProblemDetail unsupported(Exception e) {
        return problem(ErrorCode.INVALID_ARGUMENT, e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(NoResourceFoundException e) {
        return problem(ErrorCode.NOT_FOUND, "no endpoint " + e.getResourcePath());
    }

    @ExceptionHandler(RpcException.class)
    ProblemDetail downstream(RpcException e) {
        log.warn("downstream call failed", e);
        return problem(ErrorCode.DOWNSTREAM_UNAVAILABLE, e.isTimeout() ? "a service did not answer in time"
                : "a service this request needs is not available");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(ErrorCode.INTERNAL_ERROR, null);
    }
}
