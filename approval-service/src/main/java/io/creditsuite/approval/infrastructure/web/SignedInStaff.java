package io.creditsuite.approval.infrastructure.web;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import java.security.Principal;
import org.springframework.stereotype.Component;

/** The staff member behind a signed-in request, read fresh so a role taken away applies at the next click. */
@Component
class SignedInStaff {
    private final StaffDirectory directory;

    SignedInStaff(StaffDirectory directory) {
        this.directory = directory;
    }

    Staff of(Principal principal) {
        return directory.find(principal.getName()).orElseThrow(() -> new ApiException(ErrorCode.STAFF_UNKNOWN,
                "no active staff member " + principal.getName()));
    }
}
