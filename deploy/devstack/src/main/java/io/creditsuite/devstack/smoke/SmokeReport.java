package io.creditsuite.devstack.smoke;

import java.time.Duration;
import java.util.List;

/** The smoke demo's steps and verdict: PASS only when every step passed. */
public record SmokeReport(List<StepResult> steps, Duration took) {

    public boolean passed() {
        return !steps.isEmpty() && steps.stream().allMatch(StepResult::passed);
    }

    public List<StepResult> failures() {
        return steps.stream().filter(step -> !step.passed()).toList();
    }
}
