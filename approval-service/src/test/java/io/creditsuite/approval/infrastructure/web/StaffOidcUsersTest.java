package io.creditsuite.approval.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import io.creditsuite.approval.domain.staff.StaffRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

class StaffOidcUsersTest {
    private static final Staff CAT = new Staff("cat", "Cat", Set.of(StaffRole.FINAL_REVIEWER, StaffRole.AUDITOR),
            "/HQ", "/CN", Set.of("DEALER"), Set.of());

    private final StaffOidcUsers users = new StaffOidcUsers(new StaffDirectory() {
        @Override
        public Optional<Staff> find(String username) {
            return "cat".equals(username) ? Optional.of(CAT) : Optional.empty();
        }

        @Override
        public List<Staff> active() {
            return List.of(CAT);
        }

        @Override
        public List<Staff> withRole(StaffRole role, String departmentPath) {
            return List.of();
        }
    }, "preferred_username");

    private static OidcUser fromProvider(Map<String, Object> claims) {
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(300), claims);
        return new DefaultOidcUser(List.of(), token);
    }

    @Test
    void a_staff_member_signs_in_under_their_staff_name_with_the_staff_tables_roles() {
        OidcUser user = users.asStaff(fromProvider(Map.of("sub", "idp-4711", "preferred_username", "cat")));
        assertThat(user.getName()).isEqualTo("cat");
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_FINAL_REVIEWER", "ROLE_AUDITOR");
    }

    @Test
    void an_identity_provider_account_that_is_not_staff_is_refused() {
        assertThatThrownBy(() -> users.asStaff(fromProvider(Map.of("sub", "x", "preferred_username", "mallory"))))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("mallory");
        assertThatThrownBy(() -> users.asStaff(fromProvider(Map.of("sub", "x"))))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("no preferred_username");
    }
}
