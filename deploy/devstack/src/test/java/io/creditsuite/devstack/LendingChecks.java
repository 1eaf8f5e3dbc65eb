package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditsuite.devstack.LendingFixture.Customer;
import io.creditsuite.devstack.LendingFixture.Lender;
import io.creditsuite.devstack.SuiteDatabase.Account;
import io.creditsuite.devstack.SuiteDatabase.Node;
import io.creditsuite.devstack.smoke.Poll;
import io.creditsuite.partnerclient.PartnerResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The checks {@link LendingSystemIT} makes of a drawdown against the database: a refusal rolled back everywhere, the
 * fence rows of a global transaction, a loan becoming ACTIVE (phase two and the payout are asynchronous: polled with
 * a deadline), the journal in balance.
 */
final class LendingChecks {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    private final SuiteDatabase db;

    LendingChecks(SuiteDatabase db) {
        this.db = db;
    }

    /**
     * Sends a drawdown that must be refused and checks the whole rollback: the 422 problem naming the reason, the
     * loan REFUSED, its hold empty, the fence rows of its global transaction as {@code fences} says, and every node of the lender's lines, its funding account and the
     * customer's loan account exactly as before (nothing frozen, in transit or moved). Returns the problem's detail.
     */
    String refusedAndRolledBack(Lender lender, Customer customer, String amount, String refusal, String code,
                                        Fences fences) {
        LenderState before = LenderState.of(db, lender, customer);
        PartnerResponse answer = lender.client().post("/api/v1/loans", customer.drawdown(amount), "it-" + UUID.randomUUID());

        assertProblem(answer, 422, code);
        JsonNode problem = answer.json();
        assertThat(problem.path("refusal").asText()).isEqualTo(refusal);
        assertThat(problem.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(problem.path("loan").path("status").asText()).isEqualTo("REFUSED");
        String loanId = problem.path("loan").path("loanId").asText();
        awaitFences(db.loanXid(loanId), fences);
        System.out.printf("refused %s %s (%s)%n", refusal, code, problem.path("detail").asText());
        Poll.Outcome<LenderState> after = Poll.until(() -> LenderState.of(db, lender, customer), before::equals, SETTLE, POLL);
        assertThat(after.satisfied()).as("rolled back to %s; last %s", before, after.lastSeen()).isTrue();
        assertThat(db.holdExposure(loanId)).isZero();
        assertThat(before.nodes()).allSatisfy(node -> assertThat(node.frozenMinor()).isZero());
        assertThat(before.accounts()).allSatisfy(account -> assertThat(account.frozenMinor() + account.inTransitMinor()).isZero());
        return problem.path("detail").asText();
    }

    /** The lender's nodes and the two accounts a drawdown touches, as the database holds them. */
    record LenderState(List<Node> nodes, List<Account> accounts) {
        static LenderState of(SuiteDatabase db, Lender lender, Customer customer) {
            return new LenderState(db.nodesOfLines(lender.linePrefix()),
                    List.of(db.account(lender.fundingAccountId()), db.account(customer.loanAccountId())));
        }
    }

    /**
     * Fence statuses of a drawdown's global transaction, credit's and account's: 2 committed, 3 rolled back, 4 an
     * empty rollback (the branch's try failed, so its local transaction took its fence row with it, and the cancel
     * found none). A refused credit try stops the drawdown before account-service is asked: no row there.
     */
    record Fences(List<Integer> credit, List<Integer> account) {
        static final Fences COMMITTED = new Fences(List.of(2), List.of(2));
        static final Fences CREDIT_TRY_REFUSED = new Fences(List.of(4), List.of());
        static final Fences ACCOUNT_TRY_REFUSED = new Fences(List.of(3), List.of(4));
    }

    /** Phase two is asynchronous: polls until the fence rows read as expected. */
    void awaitFences(String xid, Fences expected) {
        Poll.Outcome<Fences> fences = Poll.until(() -> new Fences(db.fenceStatuses(SuiteDatabase.CREDIT, xid),
                db.fenceStatuses(SuiteDatabase.ACCOUNT, xid)), expected::equals, SETTLE, POLL);
        assertThat(fences.satisfied()).as("fence rows of %s within %s: %s; last %s", xid, SETTLE, expected,
                fences.lastSeen()).isTrue();
    }

    JsonNode awaitActive(Lender lender, String loanId) {
        Poll.Outcome<JsonNode> active = Poll.until(() -> loan(lender, loanId),
                loan -> "ACTIVE".equals(loan.path("status").asText()), SETTLE, POLL);
        assertThat(active.satisfied()).as("loan %s ACTIVE within %s; last %s", loanId, SETTLE, active.lastSeen()).isTrue();
        return active.last();
    }

    JsonNode loan(Lender lender, String loanId) {
        return lender.client().get("/api/v1/loans/" + loanId, List.of()).json();
    }

    void assertLedgerBalanced() {
        long[] sums = db.journalDebitsAndCredits();
        System.out.printf("ledger: %d entries, debits %d = credits %d%n", sums[2], sums[0], sums[1]);
        assertThat(sums[0]).as("sum of debits over the journal").isEqualTo(sums[1]).isPositive();
    }

    static void assertProblem(PartnerResponse answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.problemCode()).as(answer.body()).contains(code);
    }
}
