package io.creditsuite.gateway.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScopeRoutesTest {
    private final ScopeRoutes routes = ScopeRoutes.standard();

    @Test
    void each_route_of_the_table_needs_its_scope() {
        assertEquals(Optional.of(PartnerScope.CUSTOMERS_WRITE), routes.requiredScope("POST", "/api/v1/customers"));
        assertEquals(Optional.of(PartnerScope.CUSTOMERS_READ), routes.requiredScope("GET", "/api/v1/customers/c-1/lines"));
        assertEquals(Optional.of(PartnerScope.LOANS_WRITE), routes.requiredScope("POST", "/api/v1/loans"));
        assertEquals(Optional.of(PartnerScope.LOANS_WRITE), routes.requiredScope("POST", "/api/v1/loans/L-1/repayments"));
        assertEquals(Optional.of(PartnerScope.LOANS_READ), routes.requiredScope("get", "/api/v1/loans/L-1/repayments"));
        assertEquals(Optional.of(PartnerScope.HOLDS_WRITE), routes.requiredScope("POST", "/api/v1/holds"));
        assertEquals(Optional.of(PartnerScope.HOLDS_WRITE), routes.requiredScope("POST", "/api/v1/holds/h-1/capture"));
    }

    @Test
    void an_unlisted_route_needs_a_scope_no_key_has() {
        assertEquals(Optional.empty(), routes.requiredScope("POST", "/api/v1/loans/L-1/cancel"));
        assertEquals(Optional.empty(), routes.requiredScope("DELETE", "/api/v1/customers/c-1"));
        assertEquals(Optional.empty(), routes.requiredScope("GET", "/api/v1/customersX"));
        assertEquals(Optional.empty(), routes.requiredScope("POST", "/api/v1/loans//repayments"));
    }

    @Test
    void more_routes_can_be_added_after_the_standard_ones() {
        ScopeRoutes extended = routes.with(new ScopeRoutes.Route("post", "/api/v1/test-echo/**", PartnerScope.LOANS_WRITE));

        assertEquals(Optional.of(PartnerScope.LOANS_WRITE), extended.requiredScope("POST", "/api/v1/test-echo/x"));
        assertEquals(Optional.empty(), routes.requiredScope("POST", "/api/v1/test-echo/x"));
    }
}
