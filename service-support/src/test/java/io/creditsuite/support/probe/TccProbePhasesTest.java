package io.creditsuite.support.probe;

import static io.creditsuite.api.probe.BranchPhase.CANCELLED;
import static io.creditsuite.api.probe.BranchPhase.CONFIRMED;
import static io.creditsuite.api.probe.BranchPhase.NONE;
import static io.creditsuite.api.probe.BranchPhase.TRIED;
import static io.creditsuite.api.probe.BranchPhase.TRY_REFUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.creditsuite.api.probe.BranchPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TccProbePhasesTest {

    @Test
    void a_try_takes_effect_once_on_a_branch_that_has_arrived() {
        assertThat(TccProbePhases.afterTry(NONE)).isEqualTo(TRIED);
    }

    @ParameterizedTest
    @EnumSource(value = BranchPhase.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void a_try_cannot_run_again_or_after_phase_two(BranchPhase current) {
        assertThatIllegalStateException().isThrownBy(() -> TccProbePhases.afterTry(current));
    }

    @Test
    void a_confirm_confirms_a_tried_branch_and_a_repeated_confirm_changes_nothing() {
        assertThat(TccProbePhases.afterConfirm(TRIED)).isEqualTo(CONFIRMED);
        assertThat(TccProbePhases.afterConfirm(CONFIRMED)).isEqualTo(CONFIRMED);
    }

    @ParameterizedTest
    @EnumSource(value = BranchPhase.class, names = {"NONE", "CANCELLED", "TRY_REFUSED"})
    void a_confirm_needs_a_committed_try_and_never_follows_a_cancel(BranchPhase current) {
        assertThatIllegalStateException().isThrownBy(() -> TccProbePhases.afterConfirm(current));
    }

    @Test
    void a_cancel_undoes_a_tried_branch_and_a_repeated_cancel_changes_nothing() {
        assertThat(TccProbePhases.afterCancel(TRIED)).isEqualTo(CANCELLED);
        assertThat(TccProbePhases.afterCancel(CANCELLED)).isEqualTo(CANCELLED);
    }

    @Test
    void a_cancel_without_a_committed_try_is_an_empty_rollback() {
        assertThat(TccProbePhases.afterCancel(NONE)).isEqualTo(NONE);
        assertThat(TccProbePhases.afterCancel(TRY_REFUSED)).isEqualTo(TRY_REFUSED);
    }

    @Test
    void a_cancel_never_follows_a_confirm() {
        assertThatIllegalStateException().isThrownBy(() -> TccProbePhases.afterCancel(CONFIRMED));
    }

    @Test
    void only_a_try_without_effect_can_be_refused() {
        assertThat(TccProbePhases.afterRefusal(NONE)).isEqualTo(TRY_REFUSED);
        assertThat(TccProbePhases.afterRefusal(TRY_REFUSED)).isEqualTo(TRY_REFUSED);
        assertThatIllegalStateException().isThrownBy(() -> TccProbePhases.afterRefusal(TRIED));
        assertThatIllegalStateException().isThrownBy(() -> TccProbePhases.afterRefusal(CONFIRMED));
    }
}
