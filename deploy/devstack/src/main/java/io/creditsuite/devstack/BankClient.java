package io.creditsuite.devstack;

import io.creditsuite.devstack.BankRequest.Attempt;
import io.creditsuite.devstack.LendingFixture.Lender;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One signed partner client of the bank test (closed loop): while the run goes on it sends the next request of its
 * own {@link BankMix} (draw down, repay, hold, release on the lender's customers, who share one guarantee and one
 * funding account), waits for the answer and a short pause, and so on. A request without a final answer is sent
 * again with the same key (backing off, as a partner does while the suite recovers), and a seeded share of requests
 * is sent once more anyway, so replays are compared. Every attempt is recorded in a {@link BankRequest}.
 */
final class BankClient implements Runnable {
    private static final int MAX_ATTEMPTS = 6;
    private static final long[] BACKOFF_MILLIS = {500, 1_000, 2_000, 4_000, 8_000};

    private final Lender lender;
    private final BankMix mix;
    private final BooleanSupplier keepGoing;
    private final Consumer<BankRequest> record;

    BankClient(Lender lender, String name, long seed, BooleanSupplier keepGoing, Consumer<BankRequest> record) {
        this.lender = lender;
        this.mix = new BankMix(lender, name, new Random(seed));
        this.keepGoing = keepGoing;
        this.record = record;
    }

    @Override
    public void run() {
        while (keepGoing.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            BankRequest request = mix.next();
            send(request);
            record.accept(request);
            mix.learn(request);
            sleep(50 + mix.nextInt(200));
        }
    }

    private void send(BankRequest request) {
        BankCalls.Call call = BankCalls.of(lender, request);
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !Thread.currentThread().isInterrupted(); attempt++) {
            Attempt answer = call.send().attempt();
            request.add(answer);
            boolean settled = answer.stored() || answer.finalRefusal();
            if (settled && (attempt > 0 || !mix.replayOnce())) {
                return;
            }
            sleep(settled ? mix.nextInt(500) : BACKOFF_MILLIS[Math.min(attempt, BACKOFF_MILLIS.length - 1)]);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
