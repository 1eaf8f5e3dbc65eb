package io.creditsuite.gateway.domain.callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the gateway may POST a partner's decision: the secret-signed body leaves the suite only over TLS.
 *
 * <p>Guarantees: {@code accepted(url) => url is absolute, at most 512 characters, without user info, and
 * (scheme = https or (loopbackHttpAllowed and scheme = http and host is a loopback name or literal))}. The loopback
 * test is on the URL's text (localhost, 127.0.0.0/8, ::1), never on a DNS answer, so a name cannot resolve its way
 * in. Plain http to loopback exists for tests and the devstack and is refused in the prod profile.
 */
public final class CallbackUrlPolicy {
    static final int MAX_LENGTH = 512;
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

    private final boolean loopbackHttpAllowed;

    private CallbackUrlPolicy(boolean loopbackHttpAllowed) {
        this.loopbackHttpAllowed = loopbackHttpAllowed;
    }

    public static CallbackUrlPolicy httpsOnly() {
        return new CallbackUrlPolicy(false);
    }

    public static CallbackUrlPolicy httpsOrLoopbackHttp() {
        return new CallbackUrlPolicy(true);
    }

    /** Why the URL is refused, or empty when the gateway may call it. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            return Optional.of("a callback URL must have 1.." + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("the callback URL is not a URI");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("a callback URL must be absolute, name a host and carry no user info");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && loopbackHttpAllowed && isLoopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of(loopbackHttpAllowed ? "a callback URL must be https (plain http only to a loopback host)"
                : "a callback URL must be https");
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || IPV4_LOOPBACK.matcher(h).matches();
    }
}
