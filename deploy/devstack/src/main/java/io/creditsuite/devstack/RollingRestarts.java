package io.creditsuite.devstack;

import io.creditsuite.devstack.BankChecks.Check;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The rolling restart ({@code ./devstack chaos --rolling}): each of the five services in turn stopped gracefully, as
 * {@code down} stops it (SIGTERM: Dubbo unregisters and waits for calls in progress, Spring's graceful shutdown, the
 * group-commit lanes and buffered senders drain; SIGKILL only after the stop grace), and started again, in a seeded
 * random order at seeded random times within the run ({@link FaultPlan}). One service is down at a time.
 * Its check: every service exited by itself within the grace (none had to be killed) and was ready again; the bank
 * test's checks then show that no acknowledged posting was lost on the way.
 */
final class RollingRestarts implements BankFaults {
    static final List<Component> SERVICES = List.of(Component.CREDIT, Component.ACCOUNT, Component.APPROVAL,
            Component.RECONCILE, Component.GATEWAY);

    /** One restart: when (since the run began), how the stop went, how long from SIGTERM until ready again. */
    record Restart(Component component, Duration at, boolean wroteClassArchive, StopReport.Stopped stop,
                   Duration recovery, String error) {
        boolean graceful() {
            return stop != null && !stop.forced();
        }

        boolean recovered() {
            return error == null;
        }
    }

    private final StackSettings settings;
    private final FaultPlan plan;
    private final PrintStream out;
    private final List<Restart> restarts = new CopyOnWriteArrayList<>();

    RollingRestarts(StackSettings settings, Duration run, long seed, PrintStream out) {
        this.settings = settings;
        this.plan = FaultPlan.shuffled(SERVICES, run, new Random(seed ^ 0x2545F4914F6CDD1DL));
        this.out = out;
    }

    @Override
    public void printPlan(PrintStream out) {
        plan.planned().forEach(p -> out.printf(Locale.ROOT, "ROLLING plan: %s at %.1f s (SIGTERM, grace %d s)%n",
                p.component().processName(), BankKills.seconds(p.at()), settings.stopGrace().toSeconds()));
    }

    @Override
    public void run(long startedNanos) {
        plan.follow(startedNanos, service -> restarts.add(stopAndStart(service)));
    }

    private Restart stopAndStart(Component component) {
        Duration at = plan.elapsed();
        long began = System.nanoTime();
        String name = component.processName();
        StopReport.Stopped stop = null;
        boolean training = ClassDataSharing.training(component, settings);
        try {
            out.printf(Locale.ROOT, "ROLLING %6.1f s  SIGTERM %s%s%n", BankKills.seconds(at), name,
                    training ? " (it writes its class data archive at exit: grace "
                            + ClassDataSharing.TRAINING_GRACE.toSeconds() + " s)" : "");
            stop = Devstack.stop(settings, component);
            out.printf(Locale.ROOT, "ROLLING %6.1f s  %s (pid %d) %s after %.1f s%n", BankKills.seconds(plan.elapsed()), name,
                    stop.pid(), stop.forced() ? "KILLED at the end of the grace" : "exited", BankKills.seconds(stop.took()));
            Devstack.restart(settings, component, Progress.silent());
            Duration recovery = Duration.ofNanos(System.nanoTime() - began);
            out.printf(Locale.ROOT, "ROLLING %6.1f s  %s ready again after %.1f s%n", BankKills.seconds(plan.elapsed()), name,
                    BankKills.seconds(recovery));
            return new Restart(component, at, training, stop, recovery, null);
        } catch (RuntimeException e) {
            out.printf(Locale.ROOT, "ROLLING %6.1f s  %s: %s%n", BankKills.seconds(plan.elapsed()), name, e.getMessage());
            return new Restart(component, at, training, stop, Duration.ofNanos(System.nanoTime() - began),
                    e.getMessage());
        }
    }

    List<Restart> restarts() {
        return List.copyOf(restarts);
    }

    @Override
    public List<Check> checks() {
        List<Restart> done = restarts();
        List<String> wrong = new java.util.ArrayList<>();
        if (done.size() != SERVICES.size()) {
            wrong.add(done.size() + " of " + SERVICES.size() + " restarts done");
        }
        done.stream().filter(r -> !r.graceful() || !r.recovered()).forEach(r -> wrong.add(r.component().processName()
                + (r.stop() == null ? " not stopped" : r.stop().forced() ? " killed after the grace" : "")
                + (r.recovered() ? "" : ": " + r.error())));
        long slowest = slowestStopMillis(done);
        return List.of(BankChecks.check("every service exited by itself after SIGTERM within the grace ("
                + settings.stopGrace().toSeconds() + " s) and was ready again", wrong, done.size()
                + " restarts, slowest stop " + String.format(Locale.ROOT, "%.1f s", slowest / 1000.0)));
    }

    @Override
    public void printTable(PrintStream out) {
        out.println("Rolling restart (SIGTERM, drain and exit, then a restart as up starts it; one service at a time)");
        out.printf(Locale.ROOT, "  %-18s %9s %10s %12s  %s%n", "service", "at", "stop", "recovery", "");
        for (Restart restart : restarts()) {
            out.printf(Locale.ROOT, "  %-18s %7.1f s %8.1f s %10.1f s  %s%n", restart.component().processName(),
                    BankKills.seconds(restart.at()), restart.stop() == null ? 0.0 : BankKills.seconds(restart.stop().took()),
                    BankKills.seconds(restart.recovery()), !restart.recovered() ? "NOT READY: " + restart.error()
                            : (restart.graceful() ? "exited by itself, ready again" : "KILLED after the grace")
                            + (restart.wroteClassArchive() ? " (the stop wrote its class data archive)" : ""));
        }
    }

    private static long slowestStopMillis(List<Restart> done) {
        return done.stream().filter(r -> r.stop() != null).mapToLong(r -> r.stop().took().toMillis()).max().orElse(0);
    }

    @Override
    public String benchName() {
        return "rolling-restart";
    }

    @Override
    public String benchFields() {
        long slowest = slowestStopMillis(restarts());
        return String.format(Locale.ROOT, "restarts=%d graceful=%d max_stop_s=%.1f",
                restarts.stream().filter(Restart::recovered).count(), restarts.stream().filter(Restart::graceful).count(),
                slowest / 1000.0);
    }
}
