package io.creditsuite.gateway.infrastructure.flow;

import io.creditsuite.api.lending.LendingPartnerService;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lending partners' funding accounts from credit-service, looked up off the request path and kept. A lending partner's
 * funding account never changes (registering it again with other settings is LENDING_PARTNER_CONFLICT), so a found
 * answer never goes stale; a partner that is not a lender (or a failed lookup: credit-service down) is asked again
 * after {@value #RETRY_MILLIS} ms at the earliest.
 *
 * <p>Guarantee: {@link #of} never waits on the network. A partner's first request starts one lookup in the background
 * and proceeds without the funding-account limit (its key's, customers' and endpoints' limits still apply).
 */
public final class CachedFundingAccounts implements FundingAccounts, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CachedFundingAccounts.class);
    static final long RETRY_MILLIS = 60_000;

    private final LendingPartnerService partners;
    private final LongSupplier millis;
    private final ConcurrentHashMap<String, Long> known = new ConcurrentHashMap<>();
    /** partner -> when it may be asked again (a lookup under way counts as "not before it ends"). */
    private final ConcurrentHashMap<String, Long> notBefore = new ConcurrentHashMap<>();
    private final ExecutorService lookups;

    public CachedFundingAccounts(LendingPartnerService partners, LongSupplier millis) {
        this(partners, millis, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "funding-account-lookup");
            thread.setDaemon(true);
            return thread;
        }));
    }

    CachedFundingAccounts(LendingPartnerService partners, LongSupplier millis, ExecutorService lookups) {
        this.partners = partners;
        this.millis = millis;
        this.lookups = lookups;
    }

    @Override
    public OptionalLong of(String partnerId) {
        Long account = known.get(partnerId);
        if (account != null) {
            return OptionalLong.of(account);
        }
        if (claimLookup(partnerId)) {
            try {
                lookups.execute(() -> lookUp(partnerId));
            } catch (RejectedExecutionException closing) {
                notBefore.remove(partnerId);
            }
        }
        return OptionalLong.empty();
    }

    /** True for the one caller that may start the partner's lookup now (none under way, its retry time come). */
    private boolean claimLookup(String partnerId) {
        Long next = notBefore.get(partnerId);
        if (next == null) {
            return notBefore.putIfAbsent(partnerId, Long.MAX_VALUE) == null;
        }
        return next <= millis.getAsLong() && notBefore.replace(partnerId, next, Long.MAX_VALUE);
    }

    private void lookUp(String partnerId) {
        try {
            known.put(partnerId, partners.partner(partnerId).fundingAccountId());
            notBefore.remove(partnerId);
        } catch (RuntimeException e) { // not a lender, or credit-service unreachable
            log.debug("funding account of partner {} not known: {}", partnerId, e.toString());
            notBefore.put(partnerId, millis.getAsLong() + RETRY_MILLIS);
        }
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
