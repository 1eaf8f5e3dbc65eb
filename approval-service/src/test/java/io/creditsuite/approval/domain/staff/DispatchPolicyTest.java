package io.creditsuite.approval.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DispatchPolicyTest {
    private static final Set<String> LINES = Set.of("DEALER");
    private static final Staff ANN = staff("ann", "/CN/EAST", Set.of());
    private static final Staff BEN = staff("ben", "/CN/EAST", Set.of(DispatchPolicy.LARGE_AMOUNT));
    private static final Staff WES = staff("wes", "/CN/WEST", Set.of(DispatchPolicy.LARGE_AMOUNT));
    private static final Staff CAT = new Staff("cat", "Cat", Set.of(StaffRole.FINAL_REVIEWER), "/HQ", "/CN/EAST",
            LINES, Set.of());
    private static final List<Staff> TEAM = List.of(WES, CAT, BEN, ANN);

    private static Staff staff(String name, String region, Set<String> skills) {
        return new Staff(name, name, Set.of(StaffRole.FIRST_REVIEWER), "/HQ", region, LINES, skills);
    }

    private static Optional<String> chosen(Set<String> skills, Set<String> actors, Map<String, Integer> workload) {
        return DispatchPolicy.choose(new DispatchPolicy.TaskNeeds(StaffRole.FIRST_REVIEWER, "/CN/EAST/SH", "DEALER",
                skills, actors), TEAM, workload).map(Staff::username);
    }

    @Test
    void the_lightest_eligible_reviewer_gets_it_ties_by_name() {
        assertThat(chosen(Set.of(), Set.of(), Map.of())).contains("ann");
        assertThat(chosen(Set.of(), Set.of(), Map.of("ann", 2, "ben", 1))).contains("ben");
        assertThat(chosen(Set.of(), Set.of(), Map.of("ann", 1, "ben", 1))).contains("ann");
    }

    @Test
    void role_scope_skill_and_four_eyes_exclude() {
        // wes (west) is out of scope even with no work; cat lacks the role
        assertThat(chosen(Set.of(), Set.of(), Map.of("ann", 9, "ben", 9))).contains("ann");
        assertThat(chosen(Set.of(DispatchPolicy.LARGE_AMOUNT), Set.of(), Map.of("ben", 50))).contains("ben");
        assertThat(chosen(Set.of(), Set.of("ann"), Map.of("ben", 50))).contains("ben");
        assertThat(chosen(Set.of(DispatchPolicy.LARGE_AMOUNT), Set.of("ben"), Map.of())).isEmpty();
    }

    @Test
    void a_large_request_needs_the_large_amount_skill() {
        assertThat(DispatchPolicy.requiredSkills(99_999_999L, 100_000_000L)).isEmpty();
        assertThat(DispatchPolicy.requiredSkills(100_000_000L, 100_000_000L)).containsExactly("LARGE_AMOUNT");
    }
}
