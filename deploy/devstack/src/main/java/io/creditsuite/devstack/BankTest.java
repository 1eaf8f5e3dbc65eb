package io.creditsuite.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditsuite.devstack.BankChecks.Check;
import io.creditsuite.devstack.BankKills.Kill;
import io.creditsuite.devstack.LendingFixture.Lender;
import io.creditsuite.devstack.smoke.BcpSmoke;
import io.creditsuite.devstack.smoke.OperatorClient;
import io.creditsuite.devstack.smoke.Poll;
import io.creditsuite.devstack.smoke.StepResult;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bank test (Jepsen-style) against a running devstack ({@code ./devstack chaos}, and {@code BankTestIT}):
 * a fresh lender whose customers share one guarantee and one funding account; {@code clients} signed partner
 * clients ({@link BankClient}) for at least {@code duration} while {@link BankKills} kills every service, the
 * Seata TC, the broker and the database once; then, once the stack has drained, the {@link BankChecks} and the
 * BCP full check. The result is printed by {@link BankReport}.
 */
final class BankTest {
    private static final Duration SETUP = Duration.ofMinutes(2);
    private static final Duration CLIENTS_STOP = Duration.ofMinutes(5);
    private static final Duration DRAIN = Duration.ofMinutes(10);
    private static final Duration FULL_CHECK = Duration.ofMinutes(5);
    private static final LendingFixture.Terms TERMS = new LendingFixture.Terms(100_000_000L, 10_000_000L, 3_000_000L, 365);

    record Options(int clients, Duration duration, long seed) {
        Options {
            if (clients < 1 || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("at least one client and a positive duration");
            }
        }
    }

    record Result(Options options, List<BankRequest> requests, List<Kill> kills, List<Check> checks,
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

    Result run(Options options) throws InterruptedException {
        String gatewayUrl = settings.ports().gatewayUrl();
        Poll.Outcome<Lender> seeded = Poll.until(() -> new LendingFixture(gatewayUrl, operatorToken)
                .lender("bank", options.clients() + 2, TERMS), any -> true, SETUP, Duration.ofSeconds(1));
        if (!seeded.satisfied()) {
            throw new DevstackException(ExitCode.FAILED, "could not seed the bank test's lender: " + seeded.lastSeen());
        }
        Lender lender = seeded.last();
        BankFacts facts = new BankFacts(new SuiteDatabase(settings.ports().get(PortName.DB)));
        Map<String, Long> marks = facts.outboxMarks();
        out.printf(Locale.ROOT, "Bank test: %d clients for %d s (seed %d) on lender %s: %d customers on guarantee node %d"
                        + " and funding account %d%n", options.clients(), options.duration().toSeconds(), options.seed(),
                lender.partnerId(), lender.customers().size(), lender.guaranteeNodeId(), lender.fundingAccountId());

        long began = System.nanoTime();
        BankKills kills = new BankKills(settings, options.duration(), options.seed(), out, began);
        kills.plan().forEach(p -> out.printf(Locale.ROOT, "CHAOS plan: %s at %.1f s%n", p.component().processName(),
                BankKills.seconds(p.at())));
        Thread killer = new Thread(kills, "bank-kills");
        AtomicBoolean killing = new AtomicBoolean(true);
        long deadline = began + options.duration().toNanos();
        List<BankRequest> requests = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        killer.start();
        for (int i = 0; i < options.clients(); i++) {
            clients.execute(new BankClient(lender, "bank-" + options.seed() + "-c" + i, options.seed() * 1_000 + i,
                    () -> System.nanoTime() < deadline || killing.get(), requests::add));
        }
        killer.join();
        killing.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(CLIENTS_STOP.toSeconds(), TimeUnit.SECONDS)) {
            clients.shutdownNow();
            clients.awaitTermination(1, TimeUnit.MINUTES);
        }
        Duration ran = Duration.ofNanos(System.nanoTime() - began);
        out.printf(Locale.ROOT, "Clients stopped after %.1f s with %d requests; waiting for the stack to drain%n",
                BankKills.seconds(ran), requests.size());

        List<Check> checks = new ArrayList<>();
        long drainFrom = System.nanoTime();
        Poll.Outcome<Map<String, Long>> drained = Poll.until(() -> facts.unfinished(marks),
                left -> left.values().stream().allMatch(n -> n == 0), DRAIN, Duration.ofSeconds(1));
        Duration drainTook = Duration.ofNanos(System.nanoTime() - drainFrom);
        checks.add(new Check("the stack drained (nothing pending, every event sent and consumed by BCP)",
                drained.satisfied(), "after " + Math.round(BankKills.seconds(drainTook)) + " s; " + drained.lastSeen()));
        List<Kill> done = kills.kills();
        checks.add(BankChecks.check("every victim killed once and ready again", done.stream()
                        .filter(k -> !k.recovered()).map(k -> k.component().processName() + ": " + k.error()).toList(),
                done.size() + " of " + BankKills.VICTIMS.size() + " kills"));
        if (done.size() != BankKills.VICTIMS.size()) {
            checks.set(checks.size() - 1, new Check(checks.get(checks.size() - 1).name(), false,
                    done.size() + " of " + BankKills.VICTIMS.size() + " kills done"));
        }

        List<BankRequest> all = List.copyOf(requests);
        BankChecks bank = new BankChecks(facts, lender);
        List<String> disagreements = new ArrayList<>();
        checks.addAll(BankChecks.requests(all, bank.reflections(all, disagreements), disagreements));
        checks.add(BankChecks.retriesIdentical(all));
        checks.add(bank.balanced());
        checks.add(bank.withinLimitsByReplay());
        checks.add(bank.creditUsedIsOutstanding());
        checks.add(lenderInvariants(lender));
        StepResult bcp = new BcpSmoke(gatewayUrl, operatorToken, FULL_CHECK).run();
        checks.add(new Check("BCP full check through the gateway PASSED, no open discrepancy", bcp.passed(),
                String.join("; ", bcp.details())));
        checks.add(new GlobalTransactions(settings, facts).check());
        return new Result(options, all, done, List.copyOf(checks), ran, drainTook);
    }

    /** The demo lender's invariants through the gateway: conservation of funding, nothing frozen, every chain intact. */
    private Check lenderInvariants(Lender lender) {
        OperatorClient operator = new OperatorClient(URI.create(settings.ports().gatewayUrl() + "/"), operatorToken);
        try {
            JsonNode report = operator.call("GET", "ops/v1/demo/lenders/" + lender.partnerId()
                    + "/invariants?customerIds=" + lender.customerIds(), null);
            return new Check("funding + loans - interest = initial funding; every account's chain intact",
                    report.path("holds").asBoolean(), "conservation " + report.path("conservationMinor").asLong()
                    + " = initial " + report.path("initialFundingMinor").asLong() + ", chains intact "
                    + report.path("ledgerChainsIntact").asBoolean() + ", violations " + report.path("violations"));
        } catch (RuntimeException e) {
            return new Check("funding + loans - interest = initial funding; every account's chain intact", false,
                    "could not read the invariants: " + e.getMessage());
        }
    }
}
