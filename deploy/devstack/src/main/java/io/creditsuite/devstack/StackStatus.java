package io.creditsuite.devstack;

import java.util.Arrays;
import java.util.List;

/** Every component of a stack, in start order. */
public record StackStatus(StackSettings settings, List<ComponentStatus> components) {

    static StackStatus scan(StackSettings settings) {
        return new StackStatus(settings, Arrays.stream(Component.values())
                .map(component -> ComponentStatus.of(component, settings))
                .toList());
    }

    public List<ComponentStatus> running() {
        return components.stream().filter(ComponentStatus::running).toList();
    }

    public boolean allRunning() {
        return running().size() == components.size();
    }

    public boolean noneRunning() {
        return running().isEmpty();
    }
}
