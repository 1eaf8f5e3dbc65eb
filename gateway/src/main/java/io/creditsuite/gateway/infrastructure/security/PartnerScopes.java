package io.creditsuite.gateway.infrastructure.security;

import io.creditsuite.gateway.domain.partner.PartnerScope;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code partner.scopes} column: comma-separated {@link PartnerScope} names, sorted. */
public final class PartnerScopes {
    private PartnerScopes() {
    }

    public static String toColumn(Set<PartnerScope> scopes) {
        return scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public static Set<PartnerScope> fromColumn(String column) {
        Set<PartnerScope> scopes = EnumSet.noneOf(PartnerScope.class);
        Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(s -> scopes.add(PartnerScope.valueOf(s)));
        return scopes;
    }
}
