package io.creditsuite.approval.domain.staff;

import java.util.Set;

/**
 * A signed-in staff member: function permissions ({@link #roles}) and data permissions (the region subtree under
 * {@link #regionPath} and the {@link #productLines}). An application is in scope when
 * {@code application.regionPath startsWith staff.regionPath && staff.productLines contains application.productLine}.
 *
 * @param departmentPath the staff member's department in the organisation tree, e.g. "/HQ/RISK/TEAM-A"; dispatch
 *                       and a team lead's backlog are by department subtree
 * @param skills         what dispatch matches against an application's needs, e.g. "DEALER", "LARGE_AMOUNT"
 */
public record Staff(String username, String displayName, Set<StaffRole> roles, String departmentPath,
                    String regionPath, Set<String> productLines, Set<String> skills) {

    public Staff {
        roles = Set.copyOf(roles);
        productLines = Set.copyOf(productLines);
        skills = Set.copyOf(skills);
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }
}
