package io.creditsuite.approval.domain.staff;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Automatic dispatch: who gets a waiting review task.
 * <pre>
 *   eligible(s, task)  &lt;=&gt;  s has the stage's role
 *                           &and;  DataScopePolicy.covers(s, task.regionPath, task.productLine)   (department / region)
 *                           &and;  task.requiredSkills &sube; s.skills                                   (skill)
 *                           &and;  s &notin; task.actors                                                (four eyes)
 *   chosen = the eligible s with the fewest open tasks held (workload), ties by user name
 * </pre>
 * No one eligible leaves the task in the group queue, where anyone in scope may still claim it.
 */
public final class DispatchPolicy {
    /** An application at or above this requested amount (minor units) needs a reviewer with this skill. */
    public static final String LARGE_AMOUNT = "LARGE_AMOUNT";

    private DispatchPolicy() {
    }

    /** What the task needs of its reviewer. */
    public record TaskNeeds(StaffRole role, String regionPath, String productLine, Set<String> requiredSkills,
                            Set<String> actors) {
    }

    /** The skills an application needs: {@link #LARGE_AMOUNT} when {@code requestedMinor >= largeAmountMinor}. */
    public static Set<String> requiredSkills(long requestedMinor, long largeAmountMinor) {
        return requestedMinor >= largeAmountMinor ? Set.of(LARGE_AMOUNT) : Set.of();
    }

    /** @param workload open tasks each staff member holds (absent = 0) */
    public static Optional<Staff> choose(TaskNeeds needs, List<Staff> staff, Map<String, Integer> workload) {
        return staff.stream()
                .filter(s -> s.has(needs.role()))
                .filter(s -> DataScopePolicy.covers(s, needs.regionPath(), needs.productLine()))
                .filter(s -> s.skills().containsAll(needs.requiredSkills()))
                .filter(s -> !needs.actors().contains(s.username()))
                .min(Comparator.comparingInt((Staff s) -> workload.getOrDefault(s.username(), 0))
                        .thenComparing(Staff::username));
    }
}
