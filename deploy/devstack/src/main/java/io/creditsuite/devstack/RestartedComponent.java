package io.creditsuite.devstack;

import java.time.Duration;

/** A component {@link Devstack#restart} started again: its new pid, and how long it took from launch to ready. */
public record RestartedComponent(Component component, long pid, Duration took) {
}
