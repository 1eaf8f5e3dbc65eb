package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.EntrySide;
import io.creditsuite.api.account.LegRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.PostingRequest;
import io.creditsuite.api.account.PostingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A->B and B->A at once from 48 threads: locks are taken in ascending account id, so no deadlock
 * error reaches a caller and the final balances are exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LedgerDeadlockIT extends LedgerItSupport {
    private static final int THREADS = 48;
    private static final int TRANSFERS_PER_THREAD = 40;

    @Test
    void opposite_transfers_between_two_accounts_never_deadlock_and_balances_stay_exact() throws Exception {
        AccountView clearing = openAsset();
        AccountView a = openCustomer();
        AccountView b = openCustomer();
        recharge(clearing.accountId(), a.accountId(), 1_000_000);
        recharge(clearing.accountId(), b.accountId(), 1_000_000);
        long rows = ledgerRows();
        AtomicLong aToB = new AtomicLong();
        AtomicLong bToA = new AtomicLong();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            boolean forward = t % 2 == 0;
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                    long amount = 1 + (thread * 7L + i) % 13;
                    long from = forward ? a.accountId() : b.accountId();
                    long to = forward ? b.accountId() : a.accountId();
                    try {
                        PostingResult r = ledger.post(new PostingRequest(voucher(), "TRANSFER", List.of(
                                new LegRequest(from, EntrySide.DEBIT, amount, "CNY"),
                                new LegRequest(to, EntrySide.CREDIT, amount, "CNY"))));
                        assertThat(r.outcome()).isEqualTo(PostingOutcome.POSTED);
                        (forward ? aToB : bToA).addAndGet(amount);
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(errors).as("errors that reached callers").isEmpty();
        assertThat(balance(a.accountId())).isEqualTo(1_000_000 - aToB.get() + bToA.get());
        assertThat(balance(b.accountId())).isEqualTo(1_000_000 - bToA.get() + aToB.get());
        assertThat(ledgerRows() - rows).isEqualTo(2L * THREADS * TRANSFERS_PER_THREAD);
        assertThat(ledger.verifyChain(a.accountId()).intact()).isTrue();
        assertThat(ledger.verifyChain(b.accountId()).intact()).isTrue();
    }
}
