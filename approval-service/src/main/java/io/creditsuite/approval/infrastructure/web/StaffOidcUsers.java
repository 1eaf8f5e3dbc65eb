package io.creditsuite.approval.infrastructure.web;

import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Staff signed in by the identity provider (OIDC, production): the provider proves who the person is; what they may
 * do and see still comes from {@code approval_staff} (roles, region, product lines), matched on the ID token's
 * {@code usernameClaim}. A person the provider knows but the staff table does not (or not as active) is refused, so
 * an IdP account alone never reaches an application.
 */
class StaffOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {
    private final OidcUserService provider = new OidcUserService();
    private final StaffDirectory directory;
    private final String usernameClaim;

    StaffOidcUsers(StaffDirectory directory, String usernameClaim) {
        this.directory = directory;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return asStaff(provider.loadUser(request));
    }

    /** The provider's user as a staff member: named by the username claim, with the staff table's roles. */
    OidcUser asStaff(OidcUser signedIn) {
        String username = signedIn.getClaimAsString(usernameClaim);
        Staff staff = username == null ? null : directory.find(username).orElse(null);
        if (staff == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("not_staff", "the identity provider's user "
                    + (username == null ? "(no " + usernameClaim + " claim)" : username)
                    + " is not an active staff member of approval-service", null));
        }
        List<SimpleGrantedAuthority> roles = staff.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return new DefaultOidcUser(roles, signedIn.getIdToken(), signedIn.getUserInfo(), usernameClaim);
    }
}
