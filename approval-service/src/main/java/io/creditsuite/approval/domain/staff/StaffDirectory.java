package io.creditsuite.approval.domain.staff;

import java.util.List;
import java.util.Optional;

/** The staff members approval-service knows (local users in the devstack; an identity provider's in production). */
public interface StaffDirectory {
    Optional<Staff> find(String username);

    /** Every active staff member (dispatch). */
    List<Staff> active();

    /** Everyone holding the role whose department is under {@code departmentPath} (dispatch, escalation). */
    List<Staff> withRole(StaffRole role, String departmentPath);
}
