package io.creditsuite.devstack;

import java.util.Arrays;
import java.util.List;

/** Every component, in start order; an optional one that is not installed is listed as absent. */
public record StackStatus(StackSettings settings, List<ComponentStatus> components) {

    static StackStatus scan(StackSettings settings) {
        List<Component> present = settings.components();
        return new StackStatus(settings, Arrays.stream(Component.values())
                .map(component -> ComponentStatus.of(component, settings, !present.contains(component)))
                .toList());
    }

    public List<ComponentStatus> running() {
        return components.stream().filter(ComponentStatus::running).toList();
    }

    /** What the stack runs when it is up: every component but an absent one. */
    public List<ComponentStatus> expected() {
        return components.stream().filter(component -> !component.absent()).toList();
    }

    public boolean allRunning() {
        return expected().stream().allMatch(ComponentStatus::running);
    }

    public boolean noneRunning() {
        return running().isEmpty();
    }
}
