package io.creditsuite.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditsuite.devstack.BankChecks.Check;
import io.creditsuite.devstack.LendingFixture.Lender;
import io.creditsuite.devstack.smoke.BcpSmoke;
import io.creditsuite.devstack.smoke.OperatorClient;
import io.creditsuite.devstack.smoke.Poll;
import io.creditsuite.devstack.smoke.StepResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every bank-style run checks afterwards ({@code chaos}, {@code chaos --rolling}, {@code overload}): made before
 * the run (it marks where the run's events begin), then {@link #drained} waits until nothing is pending and every
 * event was sent and consumed, and {@link #checks} compares every request with the databases and checks the money
 * invariants, the lender's invariants, the BCP full check and that no global transaction is left.
 */
final class BankAudit {
    private static final Duration SETUP = Duration.ofMinutes(2);
    private static final Duration DRAIN = Duration.ofMinutes(10);
    private static final Duration FULL_CHECK = Duration.ofMinutes(5);

    private final StackSettings settings;
    private final String operatorToken;
    private final Lender lender;
    private final BankFacts facts;
    private final Map<String, Long> marks;
    private Duration drainTook = Duration.ZERO;

    BankAudit(StackSettings settings, String operatorToken, Lender lender) {
        this.settings = settings;
        this.operatorToken = operatorToken;
        this.lender = lender;
        this.facts = new BankFacts(new SuiteDatabase(settings.ports().get(PortName.DB)));
        this.marks = facts.outboxMarks();
    }

    /** A fresh lender of {@code customers} customers sharing one guarantee and one funding account, seeded as it can be. */
    static Lender seedLender(StackSettings settings, String operatorToken, String name, int customers,
                             LendingFixture.Terms terms) throws InterruptedException {
        Poll.Outcome<Lender> seeded = Poll.until(() -> new LendingFixture(settings.ports().gatewayUrl(), operatorToken)
                .lender(name, customers, terms), any -> true, SETUP, Duration.ofSeconds(1));
        if (!seeded.satisfied()) {
            throw new DevstackException(ExitCode.FAILED, "could not seed the " + name + " lender: " + seeded.lastSeen());
        }
        return seeded.last();
    }

    /** Waits until the stack has drained: nothing pending, every event sent and consumed by BCP. */
    Check drained() throws InterruptedException {
        long from = System.nanoTime();
        Poll.Outcome<Map<String, Long>> drained = Poll.until(() -> facts.unfinished(marks),
                left -> left.values().stream().allMatch(n -> n == 0), DRAIN, Duration.ofSeconds(1));
        drainTook = Duration.ofNanos(System.nanoTime() - from);
        return new Check("the stack drained (nothing pending, every event sent and consumed by BCP)",
                drained.satisfied(), "after " + drainTook.toSeconds() + " s; " + drained.lastSeen());
    }

    Duration drainTook() {
        return drainTook;
    }

    /** The request checks, the money invariants, the lender's invariants, the BCP full check, the global transactions. */
    List<Check> checks(List<BankRequest> requests) {
        List<Check> checks = new ArrayList<>();
        BankChecks bank = new BankChecks(facts, lender);
        List<String> disagreements = new ArrayList<>();
        checks.addAll(BankChecks.requests(requests, bank.reflections(requests, disagreements), disagreements));
        checks.add(BankChecks.retriesIdentical(requests));
        checks.add(bank.balanced());
        checks.add(bank.withinLimitsByReplay());
        checks.add(bank.creditUsedIsOutstanding());
        checks.add(lenderInvariants());
        StepResult bcp = new BcpSmoke(settings.ports().gatewayUrl(), operatorToken, FULL_CHECK).run();
        checks.add(new Check("BCP full check through the gateway PASSED, no open discrepancy", bcp.passed(),
                String.join("; ", bcp.details())));
        checks.add(new GlobalTransactions(settings, facts).check());
        return checks;
    }

    /** The demo lender's invariants through the gateway: conservation of funding, nothing frozen, every chain intact. */
    private Check lenderInvariants() {
        OperatorClient operator = new OperatorClient(URI.create(settings.ports().gatewayUrl() + "/"), operatorToken);
        String name = "funding + loans - interest = initial funding; every account's chain intact";
        try {
            JsonNode report = operator.call("GET", "ops/v1/demo/lenders/" + lender.partnerId()
                    + "/invariants?customerIds=" + lender.customerIds(), null);
            return new Check(name, report.path("holds").asBoolean(), "conservation "
                    + report.path("conservationMinor").asLong() + " = initial "
                    + report.path("initialFundingMinor").asLong() + ", chains intact "
                    + report.path("ledgerChainsIntact").asBoolean() + ", violations " + report.path("violations"));
        } catch (RuntimeException e) {
            return new Check(name, false, "could not read the invariants: " + e.getMessage());
        }
    }
}
