package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.devstack.BankRequest.Attempt;
import io.creditsuite.devstack.BankRequest.Kind;
import io.creditsuite.devstack.BankRequest.Outcome;
import org.junit.jupiter.api.Test;

/** What a client may believe from the answers it got under one Idempotency-Key, and which retries must agree. */
class BankRequestTest {
    private static final String LOAN = "{\"loanId\":\"LN1\",\"status\":\"DISBURSING\"}";
    private static final String REFUSED = "{\"code\":\"CS-2014\",\"outcome\":\"REFUSED\",\"loan\":{\"loanId\":\"LN2\","
            + "\"status\":\"REFUSED\"}}";

    @Test
    void a_success_on_any_attempt_is_ok_and_its_loan_is_known() {
        BankRequest request = request(new Attempt(-1, "timed out", false), new Attempt(201, LOAN, false));

        assertThat(request.outcome()).isEqualTo(Outcome.OK);
        assertThat(request.loanId()).contains("LN1");
    }

    @Test
    void a_stored_refusal_or_a_refused_loan_behind_a_503_is_failed_but_a_bare_503_or_in_progress_is_unknown() {
        assertThat(request(new Attempt(422, REFUSED, false)).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(request(new Attempt(503, "{\"code\":\"CS-1004\",\"loan\":{\"loanId\":\"LN3\",\"status\":\"REFUSED\"}}",
                false)).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(request(new Attempt(503, "{\"code\":\"CS-1004\"}", false)).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(request(new Attempt(409, "{\"code\":\"CS-6008\"}", false)).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(request(new Attempt(-1, "timed out", false), new Attempt(429, "{\"code\":\"CS-1005\"}", false))
                .outcome()).as("the first may have run").isEqualTo(Outcome.UNKNOWN);
        assertThat(request(new Attempt(429, "{\"code\":\"CS-1005\"}", false)).outcome())
                .as("refused before it ran").isEqualTo(Outcome.FAILED);
    }

    @Test
    void retries_after_a_stored_answer_must_repeat_it_and_the_others_are_not_compared() {
        BankRequest agreeing = request(new Attempt(503, "{}", false), new Attempt(201, LOAN, false),
                new Attempt(-1, "refused", false), new Attempt(429, "{}", false), new Attempt(201, LOAN, true));
        BankRequest differing = request(new Attempt(201, LOAN, false),
                new Attempt(201, LOAN.replace("DISBURSING", "ACTIVE"), false));

        assertThat(agreeing.retryMismatches()).isEmpty();
        assertThat(agreeing.comparedRetries()).isEqualTo(1);
        assertThat(differing.retryMismatches()).singleElement().asString().contains("DRAWDOWN k1", "ACTIVE");
    }

    @Test
    void the_scoped_id_is_credit_services() {
        // LendingIds.scoped("p1", "k1") in credit-service: "P:" + the first 40 hex digits of SHA-256("p1\nk1")
        assertThat(BankFacts.scoped("p1", "k1")).isEqualTo("P:46306dbe25c9fc3ec0243a7476816023c6bb9396");
        assertThat(BankFacts.scoped("p2", "k1")).isNotEqualTo(BankFacts.scoped("p1", "k1"));
    }

    private static BankRequest request(Attempt... attempts) {
        BankRequest request = new BankRequest(Kind.DRAWDOWN, "k1", "c1", null, 100_00);
        for (Attempt attempt : attempts) {
            request.add(attempt);
        }
        return request;
    }
}
