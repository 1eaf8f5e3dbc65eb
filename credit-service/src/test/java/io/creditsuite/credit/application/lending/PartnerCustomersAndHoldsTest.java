package io.creditsuite.credit.application.lending;

import static io.creditsuite.credit.application.fakes.InMemoryCredit.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.LendingPartnerView;
import io.creditsuite.api.lending.OnboardCustomerRequest;
import io.creditsuite.api.lending.PartnerHoldCaptureRequest;
import io.creditsuite.api.lending.PartnerHoldReleaseRequest;
import io.creditsuite.api.lending.PartnerHoldRequest;
import io.creditsuite.api.lending.RegisterLendingPartnerRequest;
import io.creditsuite.credit.application.fakes.InMemoryLending;
import io.creditsuite.credit.domain.Balances;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Partners, their customers (onboarding, limit tree, statement) and their pre-authorisation holds. */
class PartnerCustomersAndHoldsTest {
    private final InMemoryLending lending = new InMemoryLending();

    @Test
    void a_partner_registers_once_and_other_settings_under_its_id_are_a_conflict() {
        LendingPartnerView first = lending.partnerRegistry.register(new RegisterLendingPartnerRequest("p1", "Bank One",
                "CNY", 900, 901));
        lending.credit.clock.advance(Duration.ofMinutes(1));
        LendingPartnerView again = lending.partnerRegistry.register(new RegisterLendingPartnerRequest("p1", "Bank One",
                "CNY", 900, 901));

        assertThat(again).isEqualTo(first);
        assertThat(catchThrowableOfType(ApiException.class, () -> lending.partnerRegistry.register(
                new RegisterLendingPartnerRequest("p1", "Bank One", "CNY", 902, 901))).errorCode())
                .isEqualTo(ErrorCode.LENDING_PARTNER_CONFLICT);
        assertThat(catchThrowableOfType(ApiException.class, () -> lending.partnerRegistry.partner("p2")).errorCode())
                .isEqualTo(ErrorCode.LENDING_PARTNER_UNKNOWN);
    }

    @Test
    void onboarding_is_idempotent_by_reference_and_another_body_under_it_is_refused() {
        lending.registerPartner("p1");
        CustomerView first = lending.onboard("p1", "alice-ref");
        CustomerView again = lending.onboarding.onboard(new OnboardCustomerRequest("another-key", "p1", "alice-ref",
                "Customer alice-ref", null));

        assertThat(again).isEqualTo(first);
        assertThat(first.customerId()).startsWith("CU");
        assertThat(first.currency()).isEqualTo("CNY");
        assertThat(lending.ledger.openedAccounts).containsExactly(first.loanAccountId());
        assertThat(lending.credit.directory.customer(first.customerId())).isPresent();
        assertThat(catchThrowableOfType(ApiException.class, () -> lending.onboarding.onboard(new OnboardCustomerRequest(
                "k", "p1", "alice-ref", "Someone else", null))).errorCode()).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
    }

    @Test
    void an_onboarding_that_lost_the_ledger_answer_opens_the_account_on_retry_and_leaves_one_empty_orphan() {
        lending.registerPartner("p1");
        lending.ledger.openAnswersLost = 1;

        assertThat(catchThrowableOfType(ApiException.class, () -> lending.onboard("p1", "alice-ref")).errorCode())
                .isEqualTo(ErrorCode.DOWNSTREAM_UNAVAILABLE);
        assertThat(lending.customers.rows.values()).singleElement()
                .satisfies(c -> assertThat(c.loanAccountId()).isNull());
        CustomerView retried = lending.onboard("p1", "alice-ref");

        assertThat(lending.ledger.openedAccounts).hasSize(2);
        assertThat(retried.loanAccountId()).isEqualTo(lending.ledger.openedAccounts.get(1));
        assertThat(lending.onboard("p1", "alice-ref")).isEqualTo(retried);
        assertThat(lending.ledger.openedAccounts).hasSize(2);
    }

    @Test
    void another_partners_customer_is_unknown_and_the_limit_tree_shows_only_lines_the_customer_holds() {
        lending.registerPartner("p1");
        lending.registerPartner("p2");
        CustomerView alice = lending.onboard("p1", "alice-ref");
        GrantLineResult line = lending.grantLine("L1", alice.customerId(), 1_000, true);

        assertThat(lending.customerQueries.limitTree("p1", alice.customerId())).hasSize(line.nodes().size())
                .allSatisfy(n -> assertThat(n.holderId()).isEqualTo(alice.customerId()));
        assertThat(lending.customerQueries.statement("p1", alice.customerId(), 0, 100).accountId())
                .isEqualTo(alice.loanAccountId());
        assertThat(lending.statementsAsked).containsExactly(alice.loanAccountId());
        for (Runnable foreign : new Runnable[] {
                () -> lending.customerQueries.customer("p2", alice.customerId()),
                () -> lending.customerQueries.limitTree("p2", alice.customerId()),
                () -> lending.customerQueries.statement("p2", alice.customerId(), 0, 10),
                () -> lending.customerQueries.customer("p1", "CUnobody")}) {
            ApiException e = catchThrowableOfType(ApiException.class, foreign::run);
            assertThat(e.errorCode()).isEqualTo(ErrorCode.CREDIT_CUSTOMER_UNKNOWN);
        }
        for (int size : new int[] {0, 101}) {
            assertThat(catchThrowableOfType(ApiException.class, () -> lending.customerQueries.statement("p1",
                    alice.customerId(), 0, size)).errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Test
    void a_partner_hold_is_frozen_captured_and_released_and_no_other_partner_can_reach_it() {
        lending.registerPartner("p1");
        lending.registerPartner("p2");
        CustomerView alice = lending.onboard("p1", "alice-ref");
        CustomerView carol = lending.onboard("p2", "carol-ref");
        GrantLineResult line = lending.grantLine("L1", alice.customerId(), 1_000, true);
        GrantLineResult carolLine = lending.grantLine("L2", carol.customerId(), 1_000, true);
        long expiry = lending.credit.clock.instant().plus(Duration.ofHours(1)).toEpochMilli();

        LimitOperationResult frozen = lending.partnerHolds.freeze(new PartnerHoldRequest("h-1", "p1",
                alice.customerId(), "L1", product(line), 300, "CNY", expiry));
        // p2 uses the same id for its own hold: a different hold
        LimitOperationResult carolsHold = lending.partnerHolds.freeze(new PartnerHoldRequest("h-1", "p2",
                carol.customerId(), "L2", product(carolLine), 50, "CNY", expiry));
        assertThat(frozen.outcome()).isEqualTo(LimitOutcome.ACCEPTED);
        assertThat(frozen.holdId()).isEqualTo("h-1");
        assertThat(carolsHold.outcome()).isEqualTo(LimitOutcome.ACCEPTED);

        ApiException foreignCapture = catchThrowableOfType(ApiException.class, () -> lending.partnerHolds.capture(
                new PartnerHoldCaptureRequest("c-1", "p2", "h-2", 10, "CNY")));
        assertThat(foreignCapture.errorCode()).isEqualTo(ErrorCode.HOLD_UNKNOWN);
        ApiException foreignLine = catchThrowableOfType(ApiException.class, () -> lending.partnerHolds.freeze(
                new PartnerHoldRequest("h-9", "p2", alice.customerId(), "L1", product(line), 1, "CNY", expiry)));
        assertThat(foreignLine.errorCode()).isEqualTo(ErrorCode.CREDIT_CUSTOMER_UNKNOWN);

        LimitOperationResult captured = lending.partnerHolds.capture(new PartnerHoldCaptureRequest("c-1", "p1", "h-1",
                100, "CNY"));
        LimitOperationResult released = lending.partnerHolds.release(new PartnerHoldReleaseRequest("u-1", "p1", "h-1"));
        assertThat(captured.requestId()).isEqualTo("c-1");
        assertThat(captured.holdId()).isEqualTo("h-1");
        assertThat(released.outcome()).isEqualTo(LimitOutcome.ACCEPTED);
        Balances leaf = lending.credit.directory.balances(product(line));
        assertThat(leaf.frozenMinor()).isZero();
        assertThat(leaf.inTransitMinor()).isEqualTo(100);
        assertThat(lending.credit.directory.balances(product(carolLine)).frozenMinor()).as("p2's own h-1 untouched")
                .isEqualTo(50);
        assertThat(lending.partnerHolds.capture(new PartnerHoldCaptureRequest("c-1", "p1", "h-1", 100, "CNY")))
                .as("a retry").isEqualTo(captured);
    }

    @Test
    void a_partner_hold_must_expire_in_the_future() {
        lending.registerPartner("p1");
        CustomerView alice = lending.onboard("p1", "alice-ref");
        GrantLineResult line = lending.grantLine("L1", alice.customerId(), 1_000, true);

        ApiException e = catchThrowableOfType(ApiException.class, () -> lending.partnerHolds.freeze(new PartnerHoldRequest(
                "h-1", "p1", alice.customerId(), "L1", product(line), 300, "CNY",
                lending.credit.clock.instant().toEpochMilli())));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(lending.credit.directory.balances(product(line)).frozenMinor()).isZero();
    }
}
