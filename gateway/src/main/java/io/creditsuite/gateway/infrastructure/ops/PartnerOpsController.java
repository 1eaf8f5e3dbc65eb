package io.creditsuite.gateway.infrastructure.ops;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.gateway.domain.partner.PartnerScope;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints for partners and their keys, behind {@code X-Operator-Token} (OperatorTokenFilter). A key's
 * secret is in the response of its issue and nowhere else.
 */
@RestController
@RequestMapping("/ops/v1/partners")
public class PartnerOpsController {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final JdbcPartnerAdmin admin;

    public PartnerOpsController(JdbcPartnerAdmin admin) {
        this.admin = admin;
    }

    public record CreatePartner(String partnerId, String name, List<String> scopes) {
    }

    /** 201 when created, 200 when it already existed with the same name and scopes, CS-1001 409 otherwise. */
    @PostMapping
    public ResponseEntity<JdbcPartnerAdmin.PartnerView> create(@RequestBody CreatePartner body) {
        String id = id(body.partnerId(), "partnerId");
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "name must be 1 to 200 characters");
        }
        boolean created = admin.create(id, body.name(), scopes(body.scopes()));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view(id));
    }

    @GetMapping("/{partnerId}")
    public JdbcPartnerAdmin.PartnerView get(@PathVariable String partnerId) {
        return view(id(partnerId, "partnerId"));
    }

    @PostMapping("/{partnerId}/keys")
    public ResponseEntity<JdbcPartnerAdmin.IssuedKey> issueKey(@PathVariable String partnerId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(admin.issueKey(id(partnerId, "partnerId")));
    }

    @PostMapping("/{partnerId}/keys/{keyId}/revoke")
    public JdbcPartnerAdmin.KeyView revoke(@PathVariable String partnerId, @PathVariable String keyId) {
        return admin.revoke(id(partnerId, "partnerId"), id(keyId, "keyId"));
    }

    private JdbcPartnerAdmin.PartnerView view(String partnerId) {
        return admin.find(partnerId).orElseThrow(() -> new ApiException(ErrorCode.PARTNER_UNKNOWN, "no partner " + partnerId));
    }

    private static String id(String given, String name) {
        if (given == null || !ID.matcher(given).matches()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, name + " must be 1 to 64 characters of A-Z a-z 0-9 _ -");
        }
        return given;
    }

    private static Set<PartnerScope> scopes(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "scopes must name at least one of "
                    + Arrays.toString(PartnerScope.values()));
        }
        Set<PartnerScope> scopes = EnumSet.noneOf(PartnerScope.class);
        for (String scope : given) {
            try {
                scopes.add(PartnerScope.valueOf(scope));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "unknown scope " + scope + "; expected any of "
                        + Arrays.toString(PartnerScope.values()));
            }
        }
        return scopes;
    }
}
