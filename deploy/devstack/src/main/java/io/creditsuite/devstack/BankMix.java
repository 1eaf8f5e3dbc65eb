package io.creditsuite.devstack;

import io.creditsuite.devstack.BankRequest.Kind;
import io.creditsuite.devstack.LendingFixture.Customer;
import io.creditsuite.devstack.LendingFixture.Lender;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bank test's request mix, one stream of requests under fresh Idempotency-Keys ({@code <name>-<n>}): drawdowns
 * (40%), repayments of loans it drew (25%), holds (20%) and releases of holds it froze (15%) on the lender's customers,
 * amounts and customers drawn from a seeded {@link Random}. What it may repay or release is what {@link #learn} was
 * told succeeded. Thread-safe: the closed-loop {@link BankClient} uses one per client, the open-loop overload run one
 * for all its senders.
 */
final class BankMix {
    /** The share of settled requests sent once more with the same key, so replays are compared. */
    private static final double EXTRA_RETRY = 0.25;

    private final Lender lender;
    private final String name;
    private final Random random;
    private final List<OpenLoan> loans = new ArrayList<>();
    private final List<String> holds = new ArrayList<>();
    private long sequence;

    private static final class OpenLoan {
        final String loanId;
        long outstandingMinor;

        OpenLoan(String loanId, long outstandingMinor) {
            this.loanId = loanId;
            this.outstandingMinor = outstandingMinor;
        }
    }

    BankMix(Lender lender, String name, Random random) {
        this.lender = lender;
        this.name = name;
        this.random = random;
    }

    Lender lender() {
        return lender;
    }

    synchronized BankRequest next() {
        Customer customer = lender.customer(random.nextInt(lender.customers().size()));
        String key = name + "-" + (++sequence);
        double roll = random.nextDouble();
        if (roll < 0.25 && !loans.isEmpty()) {
            OpenLoan loan = loans.get(random.nextInt(loans.size()));
            long principal = Math.min(loan.outstandingMinor, (10 + random.nextInt(500)) * 100L);
            loan.outstandingMinor -= principal; // not repaid twice by concurrent senders; learn() settles it
            if (loan.outstandingMinor <= 0) {
                loans.remove(loan);
            }
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

    /** Whether a request that got a final answer is sent once more with the same key (a seeded share of them). */
    synchronized boolean replayOnce() {
        return random.nextDouble() < EXTRA_RETRY;
    }

    synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /**
     * What the mix knows afterwards: a drawn loan may be repaid, a frozen hold released. A repayment or release
     * that flow control refused before it ran (every attempt 429) gives its principal or hold back (they were taken
     * when it was chosen); any other outcome keeps them taken, as it may have taken effect.
     */
    synchronized void learn(BankRequest request) {
        boolean ok = request.outcome() == BankRequest.Outcome.OK;
        switch (request.kind()) {
            case DRAWDOWN -> {
                if (ok) {
                    request.loanId().ifPresent(id -> loans.add(new OpenLoan(id, request.amountMinor())));
                }
            }
            case REPAYMENT -> {
                if (refusedBeforeRunning(request)) {
                    loans.stream().filter(l -> l.loanId.equals(request.target())).findFirst().ifPresentOrElse(
                            l -> l.outstandingMinor += request.amountMinor(),
                            () -> loans.add(new OpenLoan(request.target(), request.amountMinor())));
                }
            }
            case HOLD -> {
                if (ok) {
                    holds.add(request.key());
                }
            }
            case RELEASE -> {
                if (refusedBeforeRunning(request)) {
                    holds.add(request.target());
                }
            }
        }
    }

    private static boolean refusedBeforeRunning(BankRequest request) {
        return request.attempts().stream().allMatch(attempt -> attempt.status() == 429);
    }
}
