package io.creditsuite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditsuite.devstack.LendingFixture.Customer;
import io.creditsuite.devstack.LendingFixture.Lender;
import io.creditsuite.devstack.SuiteDatabase.Account;
import io.creditsuite.devstack.SuiteDatabase.Node;
import io.creditsuite.partnerclient.PartnerResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Drawdowns and repayments of one lender's customers sent at once through the gateway, all on the lender's ONE
 * funding account and ONE guarantee node (hot on both sides), while a sampler reads the database for a node over its
 * limit or a funding account below zero. After the race (and once the stack has drained) it checks, per customer,
 * {@code credit used (in transit + in use) = loan account balance = sum of the loans' principalOutstanding}.
 */
final class LendingRace {
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);

    private final Lender lender;
    private final SuiteDatabase db;
    private final List<String> firstLoans = new ArrayList<>();

    LendingRace(Lender lender, SuiteDatabase db) {
        this.lender = lender;
        this.db = db;
    }

    Lender lender() {
        return lender;
    }

    /** One loan per customer (index i for customer i), the loans the race repays. */
    List<String> firstLoans() {
        return List.copyOf(firstLoans);
    }

    void drawFirstLoans(String amount) throws Exception {
        List<Callable<PartnerResponse>> draws = lender.customers().stream()
                .<Callable<PartnerResponse>>map(c -> () -> lender.client().post("/api/v1/loans", c.drawdown(amount), key()))
                .toList();
        for (PartnerResponse answer : all(draws, draws.size())) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            firstLoans.add(answer.json().path("loanId").asText());
        }
    }

    record Answer(String kind, PartnerResponse response) {
    }

    record Result(List<Answer> answers, List<String> violations, int samples, Duration took) {
        int accepted() {
            return count("drawdown", 201);
        }

        int refused() {
            return count("drawdown", 422);
        }

        int repaid() {
            return count("repayment", 201);
        }

        private int count(String kind, int status) {
            return (int) answers.stream().filter(a -> a.kind().equals(kind) && a.response().status() == status).count();
        }

        /** Every drawdown created its loan or was refused by the guarantee; every repayment was applied. */
        void assertAnswers(long guaranteeNodeId) {
            for (Answer answer : answers) {
                PartnerResponse response = answer.response();
                if (answer.kind().equals("repayment") || response.status() == 201) {
                    assertThat(response.status()).as("%s: %s", answer.kind(), response.body()).isEqualTo(201);
                } else {
                    assertThat(response.status()).as(response.body()).isEqualTo(422);
                    assertThat(response.problemCode()).contains("CS-2014");
                    assertThat(response.json().path("detail").asText()).contains("node " + guaranteeNodeId + ": used + frozen");
                }
            }
        }
    }

    /**
     * Sends {@code drawdownsPerCustomer} drawdowns of {@code drawAmount} per customer and {@code repaymentsPerLoan}
     * repayments of {@code repayAmount} per first loan, shuffled, from {@code threads} client threads.
     */
    Result run(int drawdownsPerCustomer, String drawAmount, int repaymentsPerLoan, String repayAmount, int threads)
            throws Exception {
        List<Callable<Answer>> requests = new ArrayList<>();
        for (int i = 0; i < lender.customers().size(); i++) {
            Customer customer = lender.customer(i);
            for (int n = 0; n < drawdownsPerCustomer; n++) {
                requests.add(() -> new Answer("drawdown",
                        lender.client().post("/api/v1/loans", customer.drawdown(drawAmount), key())));
            }
            String loanId = firstLoans.get(i);
            for (int n = 0; n < repaymentsPerLoan; n++) {
                requests.add(() -> new Answer("repayment", lender.client().post("/api/v1/loans/" + loanId + "/repayments",
                        "{\"principal\":\"" + repayAmount + "\",\"interest\":\"0.50\",\"currency\":\"CNY\","
                                + "\"payerAccount\":\"" + LendingFixture.PAYEE + "\"}", key())));
            }
        }
        Collections.shuffle(requests, new Random(11));

        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicInteger samples = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (racing.get()) {
                sample(violations);
                samples.incrementAndGet();
                pause();
            }
        }, "race-sampler");
        long began = System.nanoTime();
        sampler.start();
        List<Answer> answers;
        try {
            answers = all(requests, threads);
        } finally {
            racing.set(false);
            sampler.join(10_000);
        }
        return new Result(answers, List.copyOf(violations), samples.get(), Duration.ofNanos(System.nanoTime() - began));
    }

    /** After draining: every node within its limit and nothing frozen, the funding above its floor, each customer's books agree. */
    void assertSettledInvariants(BiFunction<Lender, String, JsonNode> loanView) {
        List<Node> nodes = db.nodesOfLines(lender.linePrefix());
        assertThat(nodes).allSatisfy(node -> {
            assertThat(node.withinLimit()).as("node %s", node).isTrue();
            assertThat(node.frozenMinor()).as("node %s", node).isZero();
            assertThat(node.inTransitMinor()).as("node %s (every loan ACTIVE)", node).isZero();
        });
        Account funding = db.account(lender.fundingAccountId());
        assertThat(funding.availableMinor()).as("funding %s", funding).isNotNegative();
        assertThat(funding.frozenMinor()).as("funding %s", funding).isZero();
        for (Customer customer : lender.customers()) {
            long creditUsed = nodes.stream().filter(n -> n.lineId().equals(customer.lineId()) && n.level().equals("LIMIT_TYPE"))
                    .mapToLong(Node::usedMinor).sum();
            Account loanAccount = db.account(customer.loanAccountId());
            long outstanding = db.loanIdsOf(customer.customerId()).stream()
                    .map(loanId -> loanView.apply(lender, loanId).path("principalOutstanding").asText())
                    .mapToLong(LendingRace::minor).sum();
            assertThat(creditUsed).as("credit used of %s = its loan account's balance", customer.customerId())
                    .isEqualTo(loanAccount.balanceMinor()).isPositive();
            assertThat(outstanding).as("principal outstanding of %s's loans = its loan account's balance",
                    customer.customerId()).isEqualTo(loanAccount.balanceMinor());
            assertThat(loanAccount.frozenMinor() + loanAccount.inTransitMinor()).isZero();
        }
    }

    private void sample(List<String> violations) {
        try {
            for (Node node : db.nodesOfLines(lender.linePrefix())) {
                if (!node.withinLimit()) {
                    violations.add("over its limit: " + node);
                }
            }
            Account funding = db.account(lender.fundingAccountId());
            if (funding.availableMinor() < 0 || funding.balanceMinor() < 0) {
                violations.add("funding below its floor: " + funding);
            }
        } catch (RuntimeException e) {
            violations.add("sample failed: " + e.getMessage());
        }
    }

    private static <T> List<T> all(List<Callable<T>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks, 5, TimeUnit.MINUTES)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(SAMPLE_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long minor(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    private static String key() {
        return "it-race-" + UUID.randomUUID();
    }
}
