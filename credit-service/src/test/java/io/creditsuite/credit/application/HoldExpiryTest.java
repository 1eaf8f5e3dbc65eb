package io.creditsuite.credit.application;

import static io.creditsuite.credit.application.fakes.InMemoryCredit.START;
import static io.creditsuite.credit.application.fakes.InMemoryCredit.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.UseRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.application.fakes.InMemoryCredit;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An expired hold releases itself (ReleaseExpiredHoldsHandler); time moves only with the test's clock. */
class HoldExpiryTest {
    private final InMemoryCredit credit = new InMemoryCredit();
    private final long leaf = product(credit.grantLine("L1", "alice", 1_000));

    @BeforeEach
    void a_hold_that_expires_in_an_hour() {
        credit.freeze.handle(new FreezeRequest("h-1", "L1", leaf, 0, 300, "CNY",
                START.plus(Duration.ofHours(1)).toEpochMilli()));
    }

    @Test
    void the_sweep_releases_nothing_before_the_expiry_and_the_hold_at_its_expiry_once() {
        assertThat(credit.expiry.handle()).isZero();
        assertThat(credit.directory.balances(leaf).frozenMinor()).isEqualTo(300);

        credit.clock.advance(Duration.ofHours(1));

        assertThat(credit.expiry.handle()).isEqualTo(1);
        assertThat(credit.expiry.handle()).isZero();
        assertThat(credit.directory.balances(leaf).frozenMinor()).isZero();
        assertThat(credit.directory.hold("h-1").orElseThrow().frozenMinor()).isZero();
        assertThat(credit.directory.flow("expire:h-1")).isPresent();
    }

    @Test
    void an_expired_hold_not_yet_swept_cannot_be_used() {
        credit.clock.advance(Duration.ofHours(1));

        ApiException expired = catchThrowableOfType(ApiException.class,
                () -> credit.holds.use(new UseRequest("u-1", "h-1", 100, "CNY")));

        assertThat(expired.errorCode()).isEqualTo(ErrorCode.HOLD_EXPIRED);
        assertThat(credit.directory.balances(leaf).frozenMinor()).isEqualTo(300);
        assertThat(credit.directory.balances(leaf).inTransitMinor()).isZero();
    }

    @Test
    void the_released_limit_can_be_held_again() {
        credit.clock.advance(Duration.ofHours(1));
        credit.expiry.handle();

        credit.freeze.handle(new FreezeRequest("h-2", "L1", leaf, 0, 1_000, "CNY", null));

        assertThat(credit.directory.balances(leaf).frozenMinor()).isEqualTo(1_000);
    }
}
