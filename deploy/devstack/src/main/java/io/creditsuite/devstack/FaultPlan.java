package io.creditsuite.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * When each fault of a run falls ({@link BankKills}, {@link RollingRestarts}): the victims in a seeded random order,
 * the run from 10% to 90% cut into one slot per victim, each fault at a random point of its slot. {@link #follow} does
 * them one after the other: a fault whose time comes while the previous one is still under way waits for it.
 */
final class FaultPlan {

    record Planned(Component component, Duration at) {
    }

    private final List<Planned> planned;
    private volatile long startedNanos = System.nanoTime();

    private FaultPlan(List<Planned> planned) {
        this.planned = List.copyOf(planned);
    }

    static FaultPlan shuffled(List<Component> victims, Duration run, Random random) {
        List<Component> order = new ArrayList<>(victims);
        Collections.shuffle(order, random);
        long from = run.toMillis() / 10;
        long slot = (run.toMillis() * 8 / 10) / order.size();
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            plan.add(new Planned(order.get(i), Duration.ofMillis(from + i * slot + (long) (random.nextDouble() * slot))));
        }
        return new FaultPlan(plan);
    }

    List<Planned> planned() {
        return planned;
    }

    /** Does {@code fault} to each victim at its time since {@code startedNanos}, in order; stops when interrupted. */
    void follow(long startedNanos, Consumer<Component> fault) {
        this.startedNanos = startedNanos;
        for (Planned next : planned) {
            long waitMillis = next.at().toMillis() - elapsed().toMillis();
            if (waitMillis > 0) {
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            fault.accept(next.component());
        }
    }

    /** Since the run began. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
