package io.creditsuite.gateway.domain.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The route table of {@link PartnerScope}: which scope a partner request needs. A route is a method and a path
 * pattern whose segments are literal, {@code *} (one segment) or a final {@code **} (any rest, none included).
 * The first route that matches wins; a request no route matches needs a scope no key has, so it is refused
 * (fail closed: a new endpoint is unreachable until it is given a scope here).
 */
public final class ScopeRoutes {
    private final List<Route> routes;

    private ScopeRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The table of {@link PartnerScope}'s Javadoc. */
    public static ScopeRoutes standard() {
        return new ScopeRoutes(List.of(
                new Route("POST", "/api/v1/customers", PartnerScope.CUSTOMERS_WRITE),
                new Route("POST", "/api/v1/customers/**", PartnerScope.CUSTOMERS_WRITE),
                new Route("GET", "/api/v1/customers/**", PartnerScope.CUSTOMERS_READ),
                new Route("POST", "/api/v1/loans", PartnerScope.LOANS_WRITE),
                new Route("POST", "/api/v1/loans/*/repayments", PartnerScope.LOANS_WRITE),
                new Route("GET", "/api/v1/loans/**", PartnerScope.LOANS_READ),
                new Route("POST", "/api/v1/holds/**", PartnerScope.HOLDS_WRITE),
                new Route("GET", "/api/v1/holds/**", PartnerScope.HOLDS_WRITE),
                new Route("POST", "/api/v1/credit-applications", PartnerScope.APPLICATIONS),
                new Route("POST", "/api/v1/credit-applications/*/supplements", PartnerScope.APPLICATIONS),
                new Route("GET", "/api/v1/credit-applications", PartnerScope.APPLICATIONS),
                new Route("GET", "/api/v1/credit-applications/**", PartnerScope.APPLICATIONS)));
    }

    /** This table with {@code more} routes after its own. */
    public ScopeRoutes with(Route... more) {
        List<Route> all = new ArrayList<>(routes);
        all.addAll(List.of(more));
        return new ScopeRoutes(all);
    }

    /** The scope the request needs, or empty when no route matches. */
    public Optional<PartnerScope> requiredScope(String method, String path) {
        String upper = method.toUpperCase(Locale.ROOT);
        return routes.stream().filter(r -> r.method().equals(upper) && r.matches(path)).map(Route::scope).findFirst();
    }

    public record Route(String method, String pattern, PartnerScope scope) {
        public Route {
            method = method.toUpperCase(Locale.ROOT);
        }

        boolean matches(String path) {
            String[] want = pattern.split("/", -1);
            String[] got = path.split("/", -1);
            for (int i = 0; i < want.length; i++) {
                if (want[i].equals("**") && i == want.length - 1) {
                    return true;
                }
                if (i >= got.length || got[i].isEmpty() && i > 0 || !(want[i].equals("*") || want[i].equals(got[i]))) {
                    return false;
                }
            }
            return want.length == got.length;
        }
    }
}
