package io.creditsuite.account.application;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.DerivedVoucher;
import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.LedgerEvents;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.SubAccountPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collection (归集) for split accounts: when a sub-account's available balance falls under its
 * parent's threshold, siblings with more than the threshold move money to it by an ordinary
 * balanced posting (type COLLECT, journaled on both sides), and an alert event goes out.
 * Asynchronous, at most one run per sub-account at a time.
 */
public class CollectionHandler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CollectionHandler.class);

    private final AccountDirectory directory;
    private final AccountRepository accounts;
    private final BatchRunner runner;
    private final LedgerEvents events;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-collection");
        t.setDaemon(true);
        return t;
    });

    public CollectionHandler(AccountDirectory directory, AccountRepository accounts, BatchRunner runner,
                             LedgerEvents events) {
        this.directory = directory;
        this.accounts = accounts;
        this.runner = runner;
        this.events = events;
    }

    /** Called after an entry is posted; starts a collection if the entry left a sub-account low. */
    void checkAfter(JournalEntry entry) {
        AccountDirectory.Route route = directory.route(entry.accountId());
        if (route.parentId() == null) {
            return;
        }
        AccountDirectory.Route parent = directory.route(route.parentId());
        if (parent.collectBelowMinor() <= 0 || entry.balanceAfterMinor() >= parent.collectBelowMinor()) {
            return;
        }
        if (running.add(entry.accountId())) {
            executor.execute(() -> {
                try {
                    collect(parent, entry.accountId());
                } catch (RuntimeException e) {
                    log.warn("collection into sub-account {} failed", entry.accountId(), e);
                } finally {
                    running.remove(entry.accountId());
                }
            });
        }
    }

    /** Moves money from siblings above the threshold into {@code needyId}; returns the amount moved. */
    public long collect(AccountDirectory.Route parent, long needyId) {
        Map<Long, Account> subs = accounts.findAll(parent.subAccountIds());
        Account needy = subs.get(needyId);
        long threshold = parent.collectBelowMinor();
        if (needy == null || needy.availableMinor() >= threshold) {
            return 0;
        }
        List<Leg> legs = new ArrayList<>();
        long total = 0;
        long needyAvailable = needy.availableMinor();
        for (Account sibling : subs.values()) {
            if (sibling.id() == needyId) {
                continue;
            }
            long amount = SubAccountPolicy.collectAmount(Math.addExact(needyAvailable, total),
                    sibling.availableMinor(), threshold);
            if (amount > 0) {
                // the side that lowers the sibling's balance
                legs.add(new Leg(sibling.id(), sibling.kind().normalSide().opposite(), amount, sibling.currency()));
                total = Math.addExact(total, amount);
            }
        }
        if (total > 0) {
            legs.add(new Leg(needyId, needy.kind().normalSide(), total, needy.currency()));
            Posting posting = new Posting(DerivedVoucher.ofCollection(needyId, UUID.randomUUID().toString().substring(0, 18)),
                    "COLLECT", legs);
            WriteOutcome outcome = runner.run(List.of(ResolvedPosting.of(posting, posting.digest(), "collection"))).get(0);
            if (!(outcome instanceof WriteOutcome.Posted)) {
                // the siblings moved meanwhile: the next low entry will try again
                total = 0;
            }
        }
        events.subAccountLow(parent.accountId(), needyId, needy.availableMinor(), total);
        return total;
    }

    /** Stops the collection thread; a collection not yet run is dropped (the next low entry starts another). */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
