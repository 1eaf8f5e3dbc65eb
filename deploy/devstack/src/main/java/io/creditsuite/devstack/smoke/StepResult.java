package io.creditsuite.devstack.smoke;

import java.util.List;

/**
 * One step of the smoke demo.
 *
 * @param summary one line: what was proven, or why not
 * @param details further lines (e.g. each service's answer)
 */
public record StepResult(String name, boolean passed, String summary, List<String> details) {

    static StepResult pass(String name, String summary, List<String> details) {
        return new StepResult(name, true, summary, List.copyOf(details));
    }

    static StepResult fail(String name, String summary, List<String> details) {
        return new StepResult(name, false, summary, List.copyOf(details));
    }
}
