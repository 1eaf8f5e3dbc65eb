package io.creditsuite.devstack;

import io.creditsuite.devstack.BankChecks.Check;
import io.creditsuite.devstack.LendingFixture.Lender;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bank test (Jepsen-style) against a running devstack ({@code ./devstack chaos}, {@code BankTestIT}; with
 * {@code --rolling}, {@code OverloadAndRollingIT}): a fresh lender whose customers share one guarantee and one funding
 * account; {@code clients} signed partner clients ({@link BankClient}) for at least {@code duration} while the
 * {@link BankFaults} are done ({@link BankKills}: every service, the Seata TC, the broker and the database killed
 * once; {@link RollingRestarts}: every service stopped with SIGTERM and restarted in turn); then, once the stack has
 * drained, the {@link BankAudit}'s checks. The result is printed by {@link BankReport}.
 */
final class BankTest {
    private static final Duration CLIENTS_STOP = Duration.ofMinutes(5);
    private static final LendingFixture.Terms TERMS = new LendingFixture.Terms(100_000_000L, 10_000_000L, 3_000_000L, 365);

    record Options(int clients, Duration duration, long seed) {
        Options {
            if (clients < 1 || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("at least one client and a positive duration");
            }
        }
    }

    record Result(Options options, List<BankRequest> requests, BankFaults faults, List<Check> checks,
                  Duration clientsRan, Duration drained) {
        long failedChecks() {
            return checks.stream().filter(check -> !check.passed()).count();
        }
    }

    private final StackSettings settings;
    private final String operatorToken;
    private final PrintStream out;

    BankTest(StackSettings settings, String operatorToken, PrintStream out) {
        this.settings = settings;
        this.operatorToken = operatorToken;
        this.out = out;
    }

    Result run(Options options, BankFaults faults) throws InterruptedException {
        Lender lender = BankAudit.seedLender(settings, operatorToken, "bank", options.clients() + 2, TERMS);
        BankAudit audit = new BankAudit(settings, operatorToken, lender);
        out.printf(Locale.ROOT, "Bank test (%s): %d clients for %d s (seed %d) on lender %s: %d customers on guarantee"
                        + " node %d and funding account %d%n", faults.benchName(), options.clients(),
                options.duration().toSeconds(), options.seed(), lender.partnerId(), lender.customers().size(),
                lender.guaranteeNodeId(), lender.fundingAccountId());
        faults.printPlan(out);

        long began = System.nanoTime();
        AtomicBoolean faulting = new AtomicBoolean(true);
        long deadline = began + options.duration().toNanos();
        List<BankRequest> requests = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        Thread faulter = new Thread(() -> faults.run(began), "bank-faults");
        faulter.start();
        for (int i = 0; i < options.clients(); i++) {
            clients.execute(new BankClient(lender, "bank-" + options.seed() + "-c" + i, options.seed() * 1_000 + i,
                    () -> System.nanoTime() < deadline || faulting.get(), requests::add));
        }
        faulter.join();
        faulting.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(CLIENTS_STOP.toSeconds(), TimeUnit.SECONDS)) {
            clients.shutdownNow();
            clients.awaitTermination(1, TimeUnit.MINUTES);
        }
        Duration ran = Duration.ofNanos(System.nanoTime() - began);
        out.printf(Locale.ROOT, "Clients stopped after %.1f s with %d requests; waiting for the stack to drain%n",
                BankKills.seconds(ran), requests.size());

        List<Check> checks = new ArrayList<>();
        checks.add(audit.drained());
        checks.addAll(faults.checks());
        List<BankRequest> all = List.copyOf(requests);
        checks.addAll(audit.checks(all));
        return new Result(options, all, faults, List.copyOf(checks), ran, audit.drainTook());
    }
}
