package io.creditsuite.devstack;

import io.creditsuite.devstack.BankFacts.Entry;
import io.creditsuite.devstack.BankFacts.Loan;
import io.creditsuite.devstack.BankRequest.Outcome;
import io.creditsuite.devstack.LendingFixture.Customer;
import io.creditsuite.devstack.LendingFixture.Lender;
import io.creditsuite.devstack.SuiteDatabase.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bank test's checks of what the clients were told against what the databases hold, once the stack drained:
 * each {@link #requests} check compares every recorded request with its rows ({@link #reflections}), the others are
 * the money invariants read over JDBC ({@link #balanced}, {@link #withinLimitsByReplay}, {@link #creditUsedIsOutstanding}).
 */
final class BankChecks {
    /** A loan whose drawdown took effect (its principal left the funding account). */
    private static final Set<String> DRAWN = Set.of("DISBURSING", "ACTIVE", "REPAID");
    private static final int SHOWN = 5;

    record Check(String name, boolean passed, String detail) {
    }

    private final BankFacts facts;
    private final Lender lender;

    BankChecks(BankFacts facts, Lender lender) {
        this.facts = facts;
        this.lender = lender;
    }

    /**
     * How many times each request is reflected in the databases: a drawdown's loan drawn (and then its payout
     * confirmed exactly once, else the loan and the ledger disagree), a repayment DONE, a hold's freeze and a
     * release's unfreeze in credit's flow log under the id credit derives from the partner's key.
     */
    Map<BankRequest, Integer> reflections(List<BankRequest> requests, List<String> disagreements) {
        Map<String, Loan> loans = facts.loans(lender.partnerId());
        Map<String, Long> payouts = facts.confirmedPayouts(lender.partnerId());
        Map<String, String> repayments = facts.repayments(lender.partnerId());
        Map<String, List<String>> flows = facts.flowsOfLines(lender.linePrefix());
        Map<BankRequest, Integer> reflected = new HashMap<>();
        for (BankRequest request : requests) {
            String key = request.key();
            int times = switch (request.kind()) {
                case DRAWDOWN -> {
                    Loan loan = loans.get(key);
                    int drawn = loan != null && DRAWN.contains(loan.status()) ? 1 : 0;
                    long paid = loan == null ? 0 : payouts.getOrDefault(loan.loanId(), 0L);
                    if (paid != drawn) {
                        disagreements.add("drawdown " + key + ": loan " + loan + " but " + paid + " confirmed payouts");
                    }
                    yield drawn;
                }
                case REPAYMENT -> "DONE".equals(repayments.get(key)) ? 1 : 0;
                case HOLD -> count(flows, BankFacts.scoped(lender.partnerId(), key), "FREEZE");
                case RELEASE -> count(flows, BankFacts.scoped(lender.partnerId(), key), "UNFREEZE");
            };
            reflected.put(request, times);
        }
        return reflected;
    }

    /** The three request checks: OK exactly once, FAILED nowhere, UNKNOWN at most once. */
    static List<Check> requests(List<BankRequest> requests, Map<BankRequest, Integer> reflected, List<String> disagreements) {
        List<String> okWrong = new ArrayList<>(disagreements);
        List<String> failedWrong = new ArrayList<>();
        List<String> unknownWrong = new ArrayList<>();
        int ok = 0;
        int failed = 0;
        int unknown = 0;
        int unknownTookEffect = 0;
        for (BankRequest request : requests) {
            int times = reflected.get(request);
            String what = request.kind() + " " + request.key() + " reflected " + times + " times";
            switch (request.outcome()) {
                case OK -> {
                    ok++;
                    if (times != 1) {
                        okWrong.add(what);
                    }
                }
                case FAILED -> {
                    failed++;
                    if (times != 0) {
                        failedWrong.add(what);
                    }
                }
                case UNKNOWN -> {
                    unknown++;
                    unknownTookEffect += times == 1 ? 1 : 0;
                    if (times > 1) {
                        unknownWrong.add(what);
                    }
                }
            }
        }
        return List.of(
                check("every request told OK is reflected exactly once", okWrong, ok + " requests"),
                check("every request told FAILED is reflected nowhere", failedWrong, failed + " requests"),
                check("every UNKNOWN request is reflected at most once", unknownWrong,
                        unknown + " requests, " + unknownTookEffect + " of them took effect"));
    }

    static Check retriesIdentical(List<BankRequest> requests) {
        List<String> mismatches = requests.stream().flatMap(r -> r.retryMismatches().stream()).toList();
        int compared = requests.stream().mapToInt(BankRequest::comparedRetries).sum();
        return check("every retry after a final answer returned an identical body", mismatches, compared + " retries compared");
    }

    Check balanced() {
        long[] sums = facts.db().journalDebitsAndCredits();
        return new Check("sum of debits = sum of credits (whole ledger)", sums[0] == sums[1],
                sums[2] + " entries, debits " + sums[0] + ", credits " + sums[1]);
    }

    /**
     * Replays credit's flow log from zero, node by node in flow order: after every flow, {@code used + frozen <=
     * limit} on every node of the lender's lines (at any time, not only now), and the replay ends at each node's
     * balances as stored.
     */
    Check withinLimitsByReplay() {
        List<Node> nodes = facts.db().nodesOfLines(lender.linePrefix());
        List<String> violations = new ArrayList<>();
        Map<Long, long[]> replayed = new HashMap<>();
        List<Entry> log = facts.flowLog(nodes.stream().map(Node::nodeId).toList());
        for (Entry entry : log) {
            long[] node = replayed.computeIfAbsent(entry.nodeId(), any -> new long[4]);
            node[0] += entry.limitDelta();
            node[1] += entry.frozen();
            node[2] += entry.inTransit();
            node[3] += entry.inUse();
            if (node[1] + node[2] + node[3] > node[0] || node[1] < 0 || node[2] < 0 || node[3] < 0) {
                violations.add("node " + entry.nodeId() + " after flow " + entry.flowSeq() + ": limit " + node[0]
                        + ", frozen " + node[1] + ", in transit " + node[2] + ", in use " + node[3]);
            }
        }
        for (Node node : nodes) {
            long[] end = replayed.getOrDefault(node.nodeId(), new long[4]);
            if (end[0] != node.limitMinor() || end[1] != node.frozenMinor() || end[2] != node.inTransitMinor()
                    || end[3] != node.inUseMinor()) {
                violations.add("node " + node.nodeId() + " replays to " + java.util.Arrays.toString(end) + " but holds "
                        + node);
            }
        }
        return check("no limit node over its limit at any time (flow log replay)", violations,
                nodes.size() + " nodes, " + log.size() + " entries replayed");
    }

    /** Per customer: credit used on its line = principal outstanding of its drawn loans = its loan account's balance. */
    Check creditUsedIsOutstanding() {
        List<Node> nodes = facts.db().nodesOfLines(lender.linePrefix());
        Map<String, Long> outstanding = new HashMap<>();
        facts.loans(lender.partnerId()).values().stream().filter(loan -> DRAWN.contains(loan.status()))
                .forEach(loan -> outstanding.merge(loan.customerId(), loan.amountMinor() - loan.repaidMinor(), Long::sum));
        List<String> wrong = new ArrayList<>();
        long total = 0;
        for (Customer customer : lender.customers()) {
            long used = nodes.stream().filter(n -> n.lineId().equals(customer.lineId()) && n.level().equals("LIMIT_TYPE"))
                    .mapToLong(Node::usedMinor).sum();
            long owed = outstanding.getOrDefault(customer.customerId(), 0L);
            long balance = facts.db().account(customer.loanAccountId()).balanceMinor();
            total += owed;
            if (used != owed || owed != balance) {
                wrong.add(customer.customerId() + ": credit used " + used + ", principal outstanding " + owed
                        + ", loan account " + balance);
            }
        }
        return check("credit used = loan principal outstanding = loan account, per customer", wrong,
                lender.customers().size() + " customers, " + BankCalls.amount(total) + " outstanding");
    }

    static Check check(String name, List<String> problems, String summary) {
        String detail = problems.isEmpty() ? summary : summary + "; " + problems.size() + " wrong: "
                + String.join("; ", problems.subList(0, Math.min(SHOWN, problems.size())))
                + (problems.size() > SHOWN ? "; ..." : "");
        return new Check(name, problems.isEmpty(), detail);
    }

    static long count(List<BankRequest> requests, Outcome outcome) {
        return requests.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static int count(Map<String, List<String>> flows, String requestId, String type) {
        return (int) flows.getOrDefault(requestId, List.of()).stream().filter(type::equals).count();
    }
}
