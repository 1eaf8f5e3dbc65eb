package io.creditsuite.devstack;

import io.creditsuite.devstack.BankChecks.Check;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bank test's faults: each of the five services, the Seata TC, the broker and the database killed once with
 * SIGKILL ({@link Devstack#kill}, the process and its children, no shutdown hook) and started again
 * ({@link Devstack#restart}, same ports and working directory), in a seeded random order at seeded random times
 * within the run ({@link FaultPlan}). One component is down at a time: a kill whose time comes while the previous restart is still under way waits for
 * it (so on a slow machine the kills can run past the clients' minutes; the clients keep going until the last
 * component is back).
 */
final class BankKills implements BankFaults {
    static final List<Component> VICTIMS = List.of(Component.CREDIT, Component.ACCOUNT, Component.APPROVAL,
            Component.RECONCILE, Component.GATEWAY, Component.SEATA_TC, Component.BROKER, Component.MARIADB);

    /** One kill: when (since the run began), the pid, and how long from the kill until it was ready again. */
    record Kill(Component component, Duration at, long pid, Duration recovery, String error) {
        boolean recovered() {
            return error == null;
        }
    }

    private final StackSettings settings;
    private final FaultPlan plan;
    private final PrintStream out;
    private final List<Kill> kills = new CopyOnWriteArrayList<>();

    BankKills(StackSettings settings, Duration run, long seed, PrintStream out) {
        this.settings = settings;
        this.plan = FaultPlan.shuffled(VICTIMS, run, new Random(seed ^ 0x5DEECE66DL));
        this.out = out;
    }

    @Override
    public void printPlan(PrintStream out) {
        plan.planned().forEach(p -> out.printf(Locale.ROOT, "CHAOS plan: %s at %.1f s%n", p.component().processName(),
                seconds(p.at())));
    }

    @Override
    public void run(long startedNanos) {
        plan.follow(startedNanos, victim -> kills.add(killAndRestart(victim)));
    }

    private Kill killAndRestart(Component component) {
        Duration at = plan.elapsed();
        long began = System.nanoTime();
        long pid = -1;
        try {
            pid = Devstack.kill(settings, component);
            out.printf(Locale.ROOT, "CHAOS %6.1f s  kill -9 %s (pid %d)%n", seconds(at), component.processName(), pid);
            restart(component);
            Duration recovery = Duration.ofNanos(System.nanoTime() - began);
            out.printf(Locale.ROOT, "CHAOS %6.1f s  %s ready again after %.1f s%n", seconds(plan.elapsed()),
                    component.processName(), seconds(recovery));
            return new Kill(component, at, pid, recovery, null);
        } catch (RuntimeException e) {
            out.printf(Locale.ROOT, "CHAOS %6.1f s  %s: %s%n", seconds(plan.elapsed()), component.processName(), e.getMessage());
            return new Kill(component, at, pid, Duration.ofNanos(System.nanoTime() - began), e.getMessage());
        }
    }

    /** A restart that did not become ready (its log says why) is tried once more before the kill counts as failed. */
    private void restart(Component component) {
        try {
            Devstack.restart(settings, component, Progress.silent());
        } catch (DevstackException first) {
            out.printf(Locale.ROOT, "CHAOS %6.1f s  %s: %s; starting it once more%n", seconds(plan.elapsed()),
                    component.processName(), first.getMessage());
            Devstack.restart(settings, component, Progress.silent());
        }
    }

    List<Kill> kills() {
        return List.copyOf(kills);
    }

    @Override
    public List<Check> checks() {
        List<Kill> done = kills();
        Check recovered = BankChecks.check("every victim killed once and ready again", done.stream()
                        .filter(k -> !k.recovered()).map(k -> k.component().processName() + ": " + k.error()).toList(),
                done.size() + " of " + VICTIMS.size() + " kills");
        return List.of(done.size() == VICTIMS.size() ? recovered
                : new Check(recovered.name(), false, done.size() + " of " + VICTIMS.size() + " kills done"));
    }

    @Override
    public void printTable(PrintStream out) {
        out.println("Kills (SIGKILL of the process and its children, then a restart as up starts it)");
        out.printf(Locale.ROOT, "  %-18s %9s %12s  %s%n", "component", "at", "recovery", "");
        for (Kill kill : kills()) {
            out.printf(Locale.ROOT, "  %-18s %7.1f s %10.1f s  %s%n", kill.component().processName(),
                    seconds(kill.at()), seconds(kill.recovery()),
                    kill.recovered() ? "ready again" : "NOT READY: " + kill.error());
        }
    }

    @Override
    public String benchName() {
        return "bank-test";
    }

    @Override
    public String benchFields() {
        return "kills=" + kills.stream().filter(Kill::recovered).count();
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
