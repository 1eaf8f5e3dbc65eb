package io.creditsuite.approval.domain.staff;

/**
 * Data permissions: which applications a staff member may see and act on.
 * <pre>
 *   inScope(s, a)  &lt;=&gt;  a.regionPath is s.regionPath or below it (whole path segments)
 *                       &and;  a.productLine &isin; s.productLines
 * </pre>
 * Out of scope is answered as unknown (404), never as forbidden, so scope cannot be probed.
 */
public final class DataScopePolicy {
    private DataScopePolicy() {
    }

    public static boolean covers(Staff staff, String regionPath, String productLine) {
        return isWithin(regionPath, staff.regionPath()) && staff.productLines().contains(productLine);
    }

    /** "/CN/EAST/SH" is within "/CN/EAST" and "/CN"; "/CN/EASTERN" is not within "/CN/EAST". */
    public static boolean isWithin(String path, String ancestor) {
        if (path == null || ancestor == null) {
            return false;
        }
        String root = ancestor.endsWith("/") ? ancestor : ancestor + "/";
        return path.equals(ancestor) || path.startsWith(root);
    }
}
