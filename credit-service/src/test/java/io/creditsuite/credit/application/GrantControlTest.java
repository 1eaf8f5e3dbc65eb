package io.creditsuite.credit.application;

import static io.creditsuite.credit.application.fakes.InMemoryCredit.grant;
import static io.creditsuite.credit.application.fakes.InMemoryCredit.product;
import static io.creditsuite.credit.application.fakes.InMemoryCredit.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.application.fakes.InMemoryCredit;
import org.junit.jupiter.api.Test;

/**
 * Granting lines under a grant-controlled parent (控制授信, GrantLineHandler) against in-memory ports:
 * {@code sum(fixed of the parent's GRANT children) <= the parent's limit}.
 */
class GrantControlTest {
    private final InMemoryCredit credit = new InMemoryCredit();
    private final long parent = root(credit.grantLine("G", "bob", 1_000));

    private GrantLineResult child(String lineId, long fixedMinor) {
        return credit.grants.handle(grant("grant-" + lineId, lineId, "alice", LimitType.DOWNSTREAM_SELF_USE, fixedMinor,
                parent));
    }

    @Test
    void children_are_granted_while_they_fit_in_what_the_parent_has_not_granted_and_up_to_the_last_unit() {
        child("C1", 600);

        ApiException tooMuch = catchThrowableOfType(ApiException.class, () -> child("C2", 401));
        GrantLineResult exact = child("C3", 400);

        assertThat(tooMuch.errorCode()).isEqualTo(ErrorCode.GRANT_EXCEEDS_PARENT);
        assertThat(credit.directory.line("C2")).isEmpty();
        assertThat(exact.lineId()).isEqualTo("C3");
        assertThat(credit.directory.grantedUnder(parent, credit.clock.instant())).isEqualTo(1_000);
    }

    @Test
    void a_grant_retried_with_its_request_id_answers_the_same_line_and_grants_once() {
        GrantLineResult first = child("C1", 600);

        GrantLineResult retry = child("C1", 600);

        assertThat(retry).isEqualTo(first);
        assertThat(credit.directory.grantedUnder(parent, credit.clock.instant())).isEqualTo(600);
    }

    @Test
    void a_use_on_a_grant_controlled_child_stops_at_the_child() {
        long leaf = product(child("C1", 600));

        credit.freeze.handle(new FreezeRequest("h-1", "C1", leaf, 0, 600, "CNY", null));

        assertThat(credit.directory.balances(leaf).frozenMinor()).isEqualTo(600);
        assertThat(credit.directory.balances(parent).frozenMinor()).isZero();
    }
}
