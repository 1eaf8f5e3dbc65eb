package io.creditsuite.approval.application.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * Which callback URLs intake accepts: absolute, at most 512 characters, no user info, and https; the devstack and
 * tests also accept plain http to a loopback host written literally (never decided by DNS), matching the gateway's
 * {@code credit-suite.gateway.callbacks.allow-loopback-http}.
 */
public enum CallbackUrls {
    HTTPS_ONLY,
    HTTPS_OR_LOOPBACK_HTTP;

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    public boolean accepts(String url) {
        if (url.length() > 512) {
            return false;
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getUserInfo() != null || uri.getScheme() == null) {
                return false;
            }
            return "https".equalsIgnoreCase(uri.getScheme()) || (this == HTTPS_OR_LOOPBACK_HTTP
                    && "http".equalsIgnoreCase(uri.getScheme()) && LOOPBACK.contains(uri.getHost().toLowerCase()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
