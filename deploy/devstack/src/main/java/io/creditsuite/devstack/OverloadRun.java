package io.creditsuite.devstack;

import io.creditsuite.devstack.BankCalls.Sent;
import io.creditsuite.devstack.BankChecks.Check;
import io.creditsuite.devstack.LendingFixture.Lender;
import io.creditsuite.devstack.OpenLoop.Phase;
import io.creditsuite.devstack.smoke.GatewayClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * The overload run against a running devstack ({@code ./devstack overload}, {@code OverloadAndRollingIT}): a fresh
 * lender whose partner key gets its own rate in the gateway's flow limits ({@link FlowLimitsFile}, put back
 * afterwards); the bank test's request mix ({@link BankMix}) sent open loop ({@link OpenLoop}) first at that rate for
 * a baseline, then at {@code factor} times it. Then:
 * <ul>
 *   <li>every refusal is a 429 or 503 {@code application/problem+json} with a code; no other 5xx, no send without an
 *       answer; the excess was refused;</li>
 *   <li>every component still runs and the gateway's ping answers 200;</li>
 *   <li>once drained, the bank test's checks ({@link BankAudit}): a request told OK reflected exactly once, one refused
 *       reflected nowhere, retries identical, balanced, within limits, credit used = outstanding, BCP, no global
 *       transaction left.</li>
 * </ul>
 * The admitted requests' latencies (p50, p99 at 1x and at the factor) are reported by {@link OverloadReport}, not judged.
 */
final class OverloadRun {
    /** Senders of the open loop: far more than the admitted rate needs (rate x latency), so arrivals are not skipped. */
    private static final int SENDERS = 64;
    /** Enough customers that {@code customerQps} (20/s each by default) does not bind before the partner's rate. */
    private static final int CUSTOMERS = 24;
    /** Room for every drawdown of a long run: 10x the rate for minutes must not be refused for want of limit. */
    private static final LendingFixture.Terms TERMS = new LendingFixture.Terms(10_000_000_000L, 1_000_000_000L,
            100_000_000L, 365);
    private static final Duration LIMITS_IN_FORCE = Duration.ofSeconds(30);

    /**
     * @param rate     requests/s the partner key is given in the flow limits, and the baseline's rate
     * @param factor   the overload phase's rate is {@code factor x rate}
     * @param duration of the overload phase
     * @param baseline of the phase at 1x before it
     */
    record Options(double rate, double factor, Duration duration, Duration baseline, long seed) {
        Options {
            if (rate <= 0 || factor < 1 || duration.isNegative() || duration.isZero() || baseline.isNegative()
                    || baseline.isZero()) {
                throw new IllegalArgumentException("a positive rate, a factor of at least 1 and positive durations");
            }
        }
    }

    record Result(Options options, List<Phase> phases, List<OverloadSample> samples, List<BankRequest> requests,
                  List<Check> checks) {
        long failedChecks() {
            return checks.stream().filter(check -> !check.passed()).count();
        }
    }

    private final StackSettings settings;
    private final String operatorToken;
    private final PrintStream out;

    OverloadRun(StackSettings settings, String operatorToken, PrintStream out) {
        this.settings = settings;
        this.operatorToken = operatorToken;
        this.out = out;
    }

    Result run(Options options) throws InterruptedException {
        Lender lender = BankAudit.seedLender(settings, operatorToken, "overload", CUSTOMERS, TERMS);
        BankAudit audit = new BankAudit(settings, operatorToken, lender);
        BankMix mix = new BankMix(lender, "overload-" + options.seed(), new Random(options.seed()));
        ConcurrentLinkedQueue<OverloadSample> samples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<BankRequest> requests = new ConcurrentLinkedQueue<>();
        List<Phase> phases = new ArrayList<>();
        out.printf(Locale.ROOT, "Overload run: lender %s (%d customers), partner key %s limited to %.0f/s; %.0f s at 1x,"
                        + " then %.0f s at %.0fx (seed %d)%n", lender.partnerId(), lender.customers().size(),
                lender.keyId(), options.rate(), (double) options.baseline().toSeconds(),
                (double) options.duration().toSeconds(), options.factor(), options.seed());
        try (FlowLimitsFile limits = FlowLimitsFile.partnerRate(settings, lender.keyId(), options.rate(),
                LIMITS_IN_FORCE)) {
            OpenLoop loop = new OpenLoop(SENDERS);
            phases.add(phase(loop, "baseline", options.rate(), options.baseline(), mix, samples, requests));
            phases.add(phase(loop, "overload", options.rate() * options.factor(), options.duration(), mix, samples,
                    requests));
        }
        List<OverloadSample> sent = List.copyOf(samples);
        List<Check> checks = new ArrayList<>(answerChecks(sent, options));
        checks.add(stillUp());
        out.println("Senders stopped; waiting for the stack to drain");
        checks.add(audit.drained());
        checks.addAll(audit.checks(List.copyOf(requests)));
        return new Result(options, List.copyOf(phases), sent, List.copyOf(requests), List.copyOf(checks));
    }

    private Phase phase(OpenLoop loop, String name, double rate, Duration duration, BankMix mix,
                        ConcurrentLinkedQueue<OverloadSample> samples, ConcurrentLinkedQueue<BankRequest> requests)
            throws InterruptedException {
        out.printf(Locale.ROOT, "OVERLOAD %s: %.1f requests/s for %d s%n", name, rate, duration.toSeconds());
        Phase phase = loop.run(name, rate, duration, () -> {
            BankRequest request = mix.next();
            BankCalls.Call call = BankCalls.of(mix.lender(), request);
            Sent first = call.send();
            request.add(first.attempt());
            samples.add(OverloadSample.of(name, true, first));
            if ((first.attempt().stored() || first.attempt().finalRefusal()) && mix.replayOnce()) {
                Sent replay = call.send();
                request.add(replay.attempt());
                samples.add(OverloadSample.of(name, false, replay));
            }
            requests.add(request);
            mix.learn(request);
        });
        out.printf(Locale.ROOT, "OVERLOAD %s done: %d sent (%.1f/s), %d skipped (every sender busy)%n", name,
                phase.sent(), phase.offeredRate(), phase.skipped());
        return phase;
    }

    /** What the answers must be under overload: polite refusals only, and some of them when there was an excess. */
    private static List<Check> answerChecks(List<OverloadSample> samples, Options options) {
        List<String> impolite = samples.stream().filter(s -> s.refused() && !s.politeRefusal())
                .map(s -> s.status() + " " + s.contentType() + " code '" + s.code() + "'").toList();
        List<String> failures = samples.stream().filter(OverloadSample::failure)
                .map(s -> s.status() <= 0 ? "no answer" : s.status() + " " + s.code()).toList();
        long refusedAtFactor = samples.stream().filter(s -> s.phase().equals("overload") && s.refused()).count();
        List<String> notRefused = options.factor() > 1 && refusedAtFactor == 0
                ? List.of("nothing refused at " + options.factor() + "x the partner's rate") : List.of();
        return List.of(
                BankChecks.check("every refusal is a 429 or 503 application/problem+json with a code", impolite,
                        samples.stream().filter(OverloadSample::refused).count() + " refusals"),
                BankChecks.check("no other 5xx, no request without an answer", failures,
                        samples.size() + " sends: " + byStatus(samples)),
                BankChecks.check("flow control refused the excess over the partner's rate", notRefused,
                        refusedAtFactor + " refused at " + options.factor() + "x"));
    }

    /** Every component of the stack running, and the gateway's ping answering 200 (every service answered it). */
    private Check stillUp() {
        StackStatus status = Devstack.status(settings);
        List<String> problems = new ArrayList<>(status.expected().stream().filter(c -> !c.running())
                .map(c -> c.component().processName() + " not running").toList());
        try {
            int ping = new GatewayClient(settings.ports().gatewayUrl()).ping("overload-after").status();
            if (ping != 200) {
                problems.add("the gateway's ping answered " + ping);
            }
        } catch (RuntimeException e) {
            problems.add("the gateway's ping: " + e.getMessage());
        }
        return BankChecks.check("the suite stayed up: every component running, the gateway's ping 200", problems,
                status.running().size() + " of " + status.expected().size() + " running");
    }

    /** Sends by status and code, e.g. {@code {201=..., 429 CS-1005=...}}. */
    static Map<String, Long> byStatus(List<OverloadSample> samples) {
        return samples.stream().collect(Collectors.groupingBy(s -> s.status() + (s.code().isEmpty() ? "" : " " + s.code()),
                TreeMap::new, Collectors.counting()));
    }
}
