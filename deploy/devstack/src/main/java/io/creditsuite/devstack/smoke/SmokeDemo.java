package io.creditsuite.devstack.smoke;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Proves the wiring of a running stack end to end, through the gateway only:
 * <ol>
 *   <li>{@code ping}: one HTTP request reaches all five services over Dubbo;</li>
 *   <li>{@code mq}: a message published by credit-service is consumed by reconcile-service;</li>
 *   <li>{@code mq-tx-rollback}: a transactional message whose local transaction rolled back is
 *       not delivered, while a committed one sent after it is;</li>
 *   <li>{@code tcc-commit}: a Seata global transaction with TCC branches in credit-service and
 *       account-service commits: both branches CONFIRMED, fence status 2;</li>
 *   <li>{@code tcc-rollback}: one that rolls back: both CANCELLED, fence status 3;</li>
 *   <li>{@code ledger-buffered}: a recharge of an account in BUFFERED mode (缓冲记账) is accepted into
 *       RocketMQ and then applied by account-service's consumer: the balance shows it;</li>
 *   <li>{@code lending} (with {@link #withLending}): a partner's drawdown and repayment through signed HTTP, and the
 *       demo lender's money invariants, credit applications, and one taken by three reviewers through the workbench to a
 *       granted line ({@link LendingSmoke});</li>
 *   <li>{@code bcp} (with {@link #withLending}): BCP's full check over all of it passes and no discrepancy is open
 *       ({@link BcpSmoke}).</li>
 * </ol>
 * Every step runs even when an earlier one failed, and prints its PASS/FAIL line as it ends.
 */
public final class SmokeDemo {

    /** The services the gateway's ping must reach (the gateway answers for itself). */
    public static final Set<String> SERVICES = Set.of("gateway", "credit-service", "account-service",
            "approval-service", "reconcile-service");

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final GatewayClient gateway;
    private final PrintStream out;
    private final SmokeTimeouts timeouts;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private final List<NamedStep> moreSteps;

    /** A further step of the demo, run after the wiring steps (the lending step of {@link #withLending}). */
    public record NamedStep(String name, Supplier<StepResult> body) {
    }

    public SmokeDemo(GatewayClient gateway, PrintStream out, SmokeTimeouts timeouts) {
        this(gateway, out, timeouts, List.of());
    }

    private SmokeDemo(GatewayClient gateway, PrintStream out, SmokeTimeouts timeouts, List<NamedStep> moreSteps) {
        this.gateway = gateway;
        this.out = out;
        this.timeouts = timeouts;
        this.moreSteps = List.copyOf(moreSteps);
    }

    /** The whole demo as a user runs it: the wiring steps, then lending through signed HTTP ({@link LendingSmoke}). */
    public static SmokeDemo withLending(GatewayClient gateway, String workbenchUrl, PrintStream out,
                                        SmokeTimeouts timeouts, String operatorToken) {
        LendingSmoke lending = new LendingSmoke(gateway.baseUrl(), workbenchUrl, operatorToken, timeouts.phase2());
        BcpSmoke bcp = new BcpSmoke(gateway.baseUrl(), operatorToken, timeouts.delivery());
        return new SmokeDemo(gateway, out, timeouts, List.of(new NamedStep("lending", lending::run),
                new NamedStep("bcp", bcp::run)));
    }

    public SmokeReport run() {
        long began = System.nanoTime();
        out.println("Smoke demo against " + gateway.baseUrl());
        List<StepResult> steps = new ArrayList<>();
        steps.add(step("ping", this::ping));
        steps.add(step("mq", this::mq));
        steps.add(step("mq-tx-rollback", this::mqTransactionRolledBack));
        steps.add(step("tcc-commit", () -> tcc("COMMIT", "CONFIRMED", 2)));
        steps.add(step("tcc-rollback", () -> tcc("ROLLBACK", "CANCELLED", 3)));
        steps.add(step("ledger-buffered", this::ledgerBuffered));
        moreSteps.forEach(more -> steps.add(step(more.name(), more.body())));
        SmokeReport report = new SmokeReport(List.copyOf(steps), Duration.ofNanos(System.nanoTime() - began));
        out.printf(Locale.ROOT, "Smoke demo: %s (%d of %d steps passed) in %.1fs%n", report.passed() ? "PASS" : "FAIL",
                steps.size() - report.failures().size(), steps.size(), report.took().toMillis() / 1000.0);
        out.flush();
        return report;
    }

    /** Runs one step; an unexpected exception fails the step, not the demo. */
    private StepResult step(String name, Supplier<StepResult> body) {
        StepResult result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            result = StepResult.fail(name, "error: " + e.getMessage(), List.of());
        }
        out.printf(Locale.ROOT, "  %s  %-15s %s%n", result.passed() ? "PASS" : "FAIL", result.name(), result.summary());
        result.details().forEach(line -> out.println("        " + line));
        out.flush();
        return result;
    }

    private StepResult ping() {
        Poll.Outcome<GatewayClient.PingAnswer> outcome = Poll.until(
                () -> gateway.ping(id("ping")), answer -> answer.status() == 200, timeouts.pingReady(),
                Duration.ofMillis(500));
        GatewayClient.PingAnswer answer = outcome.last();
        if (answer == null) {
            return StepResult.fail("ping", "the gateway did not answer: " + outcome.lastSeen(), List.of());
        }
        List<String> details = new ArrayList<>();
        Set<String> reachable = new TreeSet<>();
        for (GatewayViews.ServiceAnswer service : answer.body().services()) {
            details.add(String.format(Locale.ROOT, "%-18s %-11s %4d ms  %s", service.service(),
                    service.reachable() ? "reachable" : "UNREACHABLE", service.latencyMillis(), service.detail()));
            if (service.reachable()) {
                reachable.add(service.service());
            }
        }
        boolean allFive = answer.status() == 200 && reachable.equals(new TreeSet<>(SERVICES))
                && answer.body().unreachable().isEmpty();
        String summary = String.format(Locale.ROOT, "%d/%d services answered over Dubbo (HTTP %d, request id %s%s)",
                reachable.size(), SERVICES.size(), answer.status(), answer.body().requestId(),
                outcome.attempts() > 1 ? ", " + outcome.attempts() + " attempts while providers registered" : "");
        if (!allFive && !answer.body().unreachable().isEmpty()) {
            summary += "; unreachable: " + answer.body().unreachable();
        }
        return allFive ? StepResult.pass("ping", summary, details) : StepResult.fail("ping", summary, details);
    }

    private StepResult mq() {
        String probeId = id("mq");
        long sentAt = System.currentTimeMillis();
        GatewayViews.MqResult sent = gateway.publishMq(probeId, false, false);
        Poll.Outcome<GatewayViews.MqReceipt> delivered = awaitDelivery(probeId);
        if (!delivered.satisfied()) {
            return StepResult.fail("mq", "published " + probeId + " (" + sent.sendStatus() + ") but not consumed within "
                    + delivered.waited().toSeconds() + " s; last receipt: " + delivered.lastSeen(), List.of());
        }
        GatewayViews.MqReceipt receipt = delivered.last();
        return StepResult.pass("mq", String.format(Locale.ROOT,
                "credit-service published %s on %s (%s); reconcile-service (group %s) consumed it %d ms later",
                probeId, sent.topic(), sent.sendStatus(), receipt.consumerGroup(),
                Math.max(0, receipt.receivedAtEpochMilli() - sentAt)), List.of());
    }

    private StepResult mqTransactionRolledBack() {
        String rolledBack = id("mq-rb");
        String committed = id("mq-ok");
        GatewayViews.MqResult rollbackResult = gateway.publishMq(rolledBack, true, true);
        long committedSentAt = System.currentTimeMillis();
        GatewayViews.MqResult commitResult = gateway.publishMq(committed, true, false);
        List<String> details = List.of(
                rolledBack + ": local transaction " + rollbackResult.localTransactionState(),
                committed + ": local transaction " + commitResult.localTransactionState());
        if (!"ROLLBACK_MESSAGE".equals(rollbackResult.localTransactionState())
                || !"COMMIT_MESSAGE".equals(commitResult.localTransactionState())) {
            return StepResult.fail("mq-tx-rollback", "unexpected local transaction states", details);
        }
        Poll.Outcome<GatewayViews.MqReceipt> delivered = awaitDelivery(committed);
        if (!delivered.satisfied()) {
            return StepResult.fail("mq-tx-rollback", "the committed transactional message " + committed
                    + " was not consumed within " + delivered.waited().toSeconds() + " s, so the check proves nothing",
                    details);
        }
        // the rolled-back one was sent first: had it been delivered, it would be there by now
        Poll.Outcome<GatewayViews.MqReceipt> leaked = Poll.until(() -> gateway.mqReceipt(rolledBack),
                GatewayViews.MqReceipt::received, timeouts.notDeliveredWatch(), Duration.ofMillis(500));
        if (leaked.satisfied()) {
            return StepResult.fail("mq-tx-rollback", "the message of the rolled-back local transaction " + rolledBack
                    + " WAS delivered (group " + leaked.last().consumerGroup() + ")", details);
        }
        if (leaked.lastError() != null) {
            return StepResult.fail("mq-tx-rollback", "cannot read the receipt of " + rolledBack + ": "
                    + leaked.lastSeen(), details);
        }
        return StepResult.pass("mq-tx-rollback", String.format(Locale.ROOT,
                "rolled-back %s not delivered (watched %.1fs after the committed %s arrived in %d ms)", rolledBack,
                leaked.waited().toMillis() / 1000.0, committed,
                Math.max(0, delivered.last().receivedAtEpochMilli() - committedSentAt)), List.of());
    }

    private StepResult tcc(String scenario, String expectedPhase, int expectedFence) {
        String name = "tcc-" + scenario.toLowerCase(Locale.ROOT);
        String probeId = id(name);
        GatewayViews.TccResult result = gateway.startTcc(probeId, scenario);
        Poll.Outcome<GatewayViews.TccBranches> branches = Poll.until(() -> gateway.tccBranches(probeId),
                b -> b.credit() != null && b.account() != null && b.credit().is(expectedPhase, expectedFence)
                        && b.account().is(expectedPhase, expectedFence),
                timeouts.phase2(), POLL_INTERVAL);
        String seen = branches.last() == null ? branches.lastSeen()
                : "credit " + branches.last().credit().brief() + ", account " + branches.last().account().brief();
        String summary = String.format(Locale.ROOT, "xid %s %s; %s", result.xid(), result.globalStatus(), seen);
        if (!branches.satisfied()) {
            return StepResult.fail(name, summary + " (expected both " + expectedPhase + "/fence " + expectedFence
                    + " within " + timeouts.phase2().toSeconds() + " s)", List.of());
        }
        return StepResult.pass(name, summary + String.format(Locale.ROOT,
                " (the initiator's %s took %d ms; both branches final %d ms after it returned)",
                "COMMIT".equals(scenario) ? "commit" : "rollback", result.phase2Millis(),
                branches.waited().toMillis()), List.of());
    }

    private StepResult ledgerBuffered() {
        long amount = 12_345;
        long sentAt = System.nanoTime();
        GatewayViews.LedgerProbe posted = gateway.postBuffered(id("ledger"), amount);
        if (!"BUFFERED".equals(posted.hotMode()) || !"ACCEPTED".equals(posted.outcome())) {
            return StepResult.fail("ledger-buffered", "account " + posted.accountId() + " in mode " + posted.hotMode()
                    + ": the recharge " + posted.voucherNo() + " was answered " + posted.outcome()
                    + " (expected ACCEPTED into the buffer queue)", List.of());
        }
        Poll.Outcome<GatewayViews.Account> applied = Poll.until(() -> gateway.account(posted.accountId()),
                account -> account.balanceMinor() == amount, timeouts.delivery(), POLL_INTERVAL);
        if (!applied.satisfied()) {
            return StepResult.fail("ledger-buffered", "recharge " + posted.voucherNo() + " of " + amount
                    + " accepted but not applied to account " + posted.accountId() + " within "
                    + applied.waited().toSeconds() + " s; last seen: " + applied.lastSeen(), List.of());
        }
        return StepResult.pass("ledger-buffered", String.format(Locale.ROOT,
                "recharge %s of %d to BUFFERED account %d: ACCEPTED, applied by the consumer %d ms after the post",
                posted.voucherNo(), amount, posted.accountId(),
                Math.max(0, Duration.ofNanos(System.nanoTime() - sentAt).toMillis())), List.of());
    }

    private Poll.Outcome<GatewayViews.MqReceipt> awaitDelivery(String probeId) {
        return Poll.until(() -> gateway.mqReceipt(probeId), GatewayViews.MqReceipt::received,
                timeouts.delivery(), POLL_INTERVAL);
    }

    /** Probe ids: unique per run, readable in the services' logs. */
    private String id(String step) {
        return "smoke-" + runId + "-" + step + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
