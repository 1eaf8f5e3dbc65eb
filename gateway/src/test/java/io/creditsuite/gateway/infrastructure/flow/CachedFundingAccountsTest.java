package io.creditsuite.gateway.infrastructure.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.LendingPartnerService;
import io.creditsuite.api.lending.LendingPartnerView;
import io.creditsuite.api.lending.RegisterLendingPartnerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The first request of a partner never waits for the lookup; a found account is kept, a miss is asked again later. */
class CachedFundingAccountsTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<Runnable> queued = new ArrayList<>();
    private final Partners partners = new Partners();
    private final CachedFundingAccounts accounts = new CachedFundingAccounts(partners, now::get, new Queued());

    @Test
    void the_first_request_goes_on_without_the_account_and_later_ones_have_it_without_asking_again() {
        assertThat(accounts.of("bank-a")).isEmpty();
        assertThat(accounts.of("bank-a")).as("one lookup under way, not two").isEmpty();
        assertThat(queued).hasSize(1);

        runQueued();

        assertThat(accounts.of("bank-a")).isEqualTo(OptionalLong.of(42));
        assertThat(partners.asked).isEqualTo(1);
    }

    @Test
    void a_partner_that_is_no_lender_is_asked_again_only_after_the_retry_interval() {
        accounts.of("platform-b");
        runQueued();
        assertThat(partners.asked).isEqualTo(1);

        now.addAndGet(CachedFundingAccounts.RETRY_MILLIS - 1);
        assertThat(accounts.of("platform-b")).isEmpty();
        assertThat(queued).as("not before the interval").isEmpty();

        now.addAndGet(1);
        accounts.of("platform-b");
        runQueued();
        assertThat(partners.asked).isEqualTo(2);
    }

    private void runQueued() {
        List<Runnable> run = List.copyOf(queued);
        queued.clear();
        run.forEach(Runnable::run);
    }

    private final class Queued extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            queued.add(command);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    private static final class Partners implements LendingPartnerService {
        int asked;

        @Override
        public LendingPartnerView registerPartner(RegisterLendingPartnerRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LendingPartnerView partner(String partnerId) {
            asked++;
            if (!partnerId.equals("bank-a")) {
                throw new ApiException(ErrorCode.LENDING_PARTNER_UNKNOWN, partnerId);
            }
            return new LendingPartnerView(partnerId, "Bank A", "CNY", 42, 43, 0);
        }
    }
}
