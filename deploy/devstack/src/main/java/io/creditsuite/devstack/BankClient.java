package io.creditsuite.devstack;

import io.creditsuite.devstack.BankRequest.Attempt;
import io.creditsuite.devstack.BankRequest.Kind;
import io.creditsuite.devstack.LendingFixture.Customer;
import io.creditsuite.devstack.LendingFixture.Lender;
import io.creditsuite.partnerclient.PartnerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One signed partner client of the bank test: while the run goes on it draws down, repays, freezes holds and releases
 * them on the lender's customers (who share one guarantee and one funding account), each request under a fresh
 * Idempotency-Key. A request without a final answer is sent again with the same key (backing off, as a partner
 * does while the suite recovers), and a seeded share of requests is sent once more anyway, so replays are compared.
 * Every attempt is recorded in a {@link BankRequest}. Its choices come from its own seeded {@link Random}; what the
 * suite answers, and so what it does next, depends on the run.
 */
final class BankClient implements Runnable {
    private static final int MAX_ATTEMPTS = 6;
    private static final double EXTRA_RETRY = 0.25;
    private static final long[] BACKOFF_MILLIS = {500, 1_000, 2_000, 4_000, 8_000};

    private final Lender lender;
    private final String name;
    private final Random random;
    private final BooleanSupplier keepGoing;
    private final Consumer<BankRequest> record;
    private final List<OpenLoan> loans = new ArrayList<>();
    private final List<String> holds = new ArrayList<>();
    private int sequence;

    private static final class OpenLoan {
        final String loanId;
        long outstandingMinor;

        OpenLoan(String loanId, long outstandingMinor) {
            this.loanId = loanId;
            this.outstandingMinor = outstandingMinor;
        }
    }

    BankClient(Lender lender, String name, long seed, BooleanSupplier keepGoing, Consumer<BankRequest> record) {
        this.lender = lender;
        this.name = name;
        this.random = new Random(seed);
        this.keepGoing = keepGoing;
        this.record = record;
    }

    @Override
    public void run() {
        while (keepGoing.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            BankRequest request = next();
            send(request);
            record.accept(request);
            learn(request);
            sleep(50 + random.nextInt(200));
        }
    }

    private BankRequest next() {
        Customer customer = lender.customer(random.nextInt(lender.customers().size()));
        String key = name + "-" + (++sequence);
        double roll = random.nextDouble();
        if (roll < 0.25 && !loans.isEmpty()) {
            OpenLoan loan = loans.get(random.nextInt(loans.size()));
            long principal = Math.min(loan.outstandingMinor, (10 + random.nextInt(500)) * 100L);
            return new BankRequest(Kind.REPAYMENT, key, null, loan.loanId, principal);
        }
        if (roll < 0.40 && !holds.isEmpty()) {
            return new BankRequest(Kind.RELEASE, key, null, holds.remove(random.nextInt(holds.size())), 0);
        }
        if (roll < 0.60) {
            return new BankRequest(Kind.HOLD, key, customer.customerId(), null, (50 + random.nextInt(750)) * 100L);
        }
        return new BankRequest(Kind.DRAWDOWN, key, customer.customerId(), null, (100 + random.nextInt(2900)) * 100L);
    }

    private void send(BankRequest request) {
        String path = path(request);
        String body = body(request);
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !Thread.currentThread().isInterrupted(); attempt++) {
            Attempt answer = once(path, body, request.key());
            request.add(answer);
            boolean settled = answer.stored() || answer.finalRefusal();
            if (settled && (attempt > 0 || random.nextDouble() >= EXTRA_RETRY)) {
                return;
            }
            sleep(settled ? random.nextInt(500) : BACKOFF_MILLIS[Math.min(attempt, BACKOFF_MILLIS.length - 1)]);
        }
    }

    private Attempt once(String path, String body, String key) {
        try {
            PartnerResponse response = lender.client().post(path, body, key);
            return new Attempt(response.status(), response.body(),
                    response.header("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false));
        } catch (RuntimeException noAnswer) {
            return new Attempt(-1, String.valueOf(noAnswer.getMessage()), false);
        }
    }

    /** What the client knows afterwards: its loans' outstanding principal, its holds still frozen. */
    private void learn(BankRequest request) {
        if (request.outcome() != BankRequest.Outcome.OK) {
            return;
        }
        switch (request.kind()) {
            case DRAWDOWN -> request.loanId().ifPresent(id -> loans.add(new OpenLoan(id, request.amountMinor())));
            case REPAYMENT -> loans.stream().filter(l -> l.loanId.equals(request.target())).findFirst().ifPresent(l -> {
                l.outstandingMinor -= request.amountMinor();
                if (l.outstandingMinor <= 0) {
                    loans.remove(l);
                }
            });
            case HOLD -> holds.add(request.key());
            case RELEASE -> { }
        }
    }

    private static String path(BankRequest request) {
        return switch (request.kind()) {
            case DRAWDOWN -> "/api/v1/loans";
            case REPAYMENT -> "/api/v1/loans/" + request.target() + "/repayments";
            case HOLD -> "/api/v1/holds";
            case RELEASE -> "/api/v1/holds/" + request.target() + "/release";
        };
    }

    private String body(BankRequest request) {
        return switch (request.kind()) {
            case DRAWDOWN -> customer(request).drawdown(amount(request.amountMinor()));
            case REPAYMENT -> "{\"principal\":\"" + amount(request.amountMinor()) + "\",\"interest\":\"0.50\","
                    + "\"currency\":\"CNY\",\"payerAccount\":\"" + LendingFixture.PAYEE + "\"}";
            case HOLD -> {
                Customer customer = customer(request);
                yield "{\"customerId\":\"" + customer.customerId() + "\",\"lineId\":\"" + customer.lineId()
                        + "\",\"nodeId\":" + customer.productNodeId() + ",\"amount\":\"" + amount(request.amountMinor())
                        + "\",\"currency\":\"CNY\",\"expiresAt\":\"" + Instant.now().plus(Duration.ofHours(6)) + "\"}";
            }
            case RELEASE -> "{}";
        };
    }

    private Customer customer(BankRequest request) {
        return lender.customers().stream().filter(c -> c.customerId().equals(request.customerId())).findFirst()
                .orElseThrow();
    }

    static String amount(long minor) {
        return String.format(Locale.ROOT, "%d.%02d", minor / 100, minor % 100);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
