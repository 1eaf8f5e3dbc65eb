package io.creditsuite.gateway.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * Which path a request is for. The raw URI ({@code getRequestURI}) is what was signed, but the container and Spring
 * route by a normalised path: {@code /api/v1;x/loans} and {@code /api/v1/system/../loans} both reach
 * {@code /api/v1/loans}. A filter deciding by the raw URI alone could be walked around, so the edge filters decide by
 * both, and refuse a partner request whose raw path is not already in normal form.
 */
public final class RequestPaths {
    private RequestPaths() {
    }

    /** The decoded path the container routes by: no path parameters, no dot segments. */
    public static String routed(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String routed = servletPath + pathInfo;
        return routed.isEmpty() ? request.getRequestURI() : routed;
    }

    /** True when the raw path, percent-decoded, is the routed path: nothing hidden in ';', '.', '..' or '//'. */
    public static boolean isNormalForm(HttpServletRequest request) {
        String raw = request.getRequestURI();
        String routed = routed(request);
        try {
            return raw.indexOf(';') < 0 && !raw.contains("//") && UriUtils.decode(raw, StandardCharsets.UTF_8).equals(routed);
        } catch (IllegalArgumentException malformedEscape) {
            return false;
        }
    }

    /** Whether either view of the path starts with {@code prefix}. */
    public static boolean startsWith(HttpServletRequest request, String prefix) {
        return request.getRequestURI().startsWith(prefix) || routed(request).startsWith(prefix);
    }
}
