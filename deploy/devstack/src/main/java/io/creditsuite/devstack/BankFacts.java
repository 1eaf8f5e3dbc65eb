package io.creditsuite.devstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What the bank test reads behind the services' backs, over {@link SuiteDatabase}: the lender's loans, repayments and
 * hold flows by the partner's request ids, the rows a drained stack must not have (unsettled loans, tried fences and
 * transfers, unsent or unconsumed events), and the flow log to replay.
 */
final class BankFacts {
    /** The topics reconcile-service's BCP consumes. */
    private static final String BCP_TOPICS = "('CS_CREDIT_EVENTS', 'CS_LEDGER_EVENTS')";

    private final SuiteDatabase db;

    BankFacts(SuiteDatabase db) {
        this.db = db;
    }

    SuiteDatabase db() {
        return db;
    }

    record Loan(String loanId, String status, long amountMinor, long repaidMinor, String customerId) {
    }

    /** The partner's loans by request id (the Idempotency-Key). */
    Map<String, Loan> loans(String partnerId) {
        Map<String, Loan> loans = new HashMap<>();
        db.query(SuiteDatabase.CREDIT, "SELECT request_id, loan_id, status, amount_minor, repaid_principal_minor,"
                + " customer_id FROM lending_loan WHERE partner_id = ?", rows -> loans.put(rows.getString(1),
                new Loan(rows.getString(2), rows.getString(3), rows.getLong(4), rows.getLong(5), rows.getString(6))),
                partnerId);
        return loans;
    }

    /** The partner's repayments' statuses by request id. */
    Map<String, String> repayments(String partnerId) {
        Map<String, String> repayments = new HashMap<>();
        db.query(SuiteDatabase.CREDIT, "SELECT request_id, status FROM lending_repayment WHERE partner_id = ?",
                rows -> repayments.put(rows.getString(1), rows.getString(2)), partnerId);
        return repayments;
    }

    /** How many funding transfers of a loan the ledger confirmed ({@code LOAN-<id>}, out of the funding account). */
    Map<String, Long> confirmedPayouts(String partnerId) {
        Map<String, Long> payouts = new HashMap<>();
        db.query(SuiteDatabase.CREDIT, "SELECT l.loan_id, COUNT(t.transfer_id) FROM lending_loan l"
                        + " JOIN " + SuiteDatabase.ACCOUNT + ".tcc_transfer t ON t.transfer_id = CONCAT('LOAN-', l.loan_id)"
                        + " AND t.direction = 'OUT' AND t.phase = 'CONFIRMED' WHERE l.partner_id = ? GROUP BY l.loan_id",
                rows -> payouts.put(rows.getString(1), rows.getLong(2)), partnerId);
        return payouts;
    }

    /** Flow types by request id, of the flows on the lender's lines (holds' freezes and releases among them). */
    Map<String, List<String>> flowsOfLines(String linePrefix) {
        Map<String, List<String>> flows = new HashMap<>();
        db.query(SuiteDatabase.CREDIT, "SELECT request_id, flow_type FROM credit_flow WHERE line_id LIKE ?",
                rows -> flows.computeIfAbsent(rows.getString(1), any -> new java.util.ArrayList<>()).add(rows.getString(2)),
                linePrefix + "%");
        return flows;
    }

    /** One delta of the flow log on one node, in flow order. */
    record Entry(long nodeId, long flowSeq, long limitDelta, long frozen, long inTransit, long inUse) {
    }

    List<Entry> flowLog(List<Long> nodeIds) {
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", nodeIds.stream().map(String::valueOf).toList());
        return db.query(SuiteDatabase.CREDIT, "SELECT node_id, flow_seq, fixed_minor + temporary_minor - retired_minor,"
                + " frozen_minor, in_transit_minor, in_use_minor FROM credit_flow_entry WHERE node_id IN (" + in + ")"
                + " ORDER BY node_id, flow_seq", rows -> new Entry(rows.getLong(1), rows.getLong(2), rows.getLong(3),
                rows.getLong(4), rows.getLong(5), rows.getLong(6)));
    }

    /** The last outbox id of each service database that has an outbox: where the run's events begin. */
    Map<String, Long> outboxMarks() {
        Map<String, Long> marks = new HashMap<>();
        for (String schema : schemasWith("outbox_event")) {
            marks.put(schema, db.query(schema, "SELECT COALESCE(MAX(id), 0) FROM outbox_event", rows -> rows.getLong(1))
                    .get(0));
        }
        return marks;
    }

    /**
     * What a drained stack has none of, by what it is; every count 0 once drained. BCP's consumption is counted over
     * the events after {@code marks} ({@link #outboxMarks} at the run's start).
     */
    Map<String, Long> unfinished(Map<String, Long> marks) {
        Map<String, Long> left = new java.util.LinkedHashMap<>();
        left.put("loans PENDING/DISBURSING", db.count(SuiteDatabase.CREDIT
                + ".lending_loan WHERE status IN ('PENDING', 'DISBURSING')"));
        left.put("repayments PENDING", db.count(SuiteDatabase.CREDIT + ".lending_repayment WHERE status = 'PENDING'"));
        left.put("credit fences tried", db.count(SuiteDatabase.CREDIT + ".tcc_fence_log WHERE status = 1"));
        left.put("account fences tried", db.count(SuiteDatabase.ACCOUNT + ".tcc_fence_log WHERE status = 1"));
        left.put("transfers TRIED", db.count(SuiteDatabase.ACCOUNT + ".tcc_transfer WHERE phase = 'TRIED'"));
        for (String schema : schemasWith("outbox_event")) {
            left.put(schema + " events unsent", db.count(schema + ".outbox_event WHERE sent_at IS NULL"));
        }
        List<String> bcp = schemasWith("bcp_fact");
        if (bcp.size() == 1) {
            for (String schema : List.of(SuiteDatabase.CREDIT, SuiteDatabase.ACCOUNT)) {
                left.put(schema + " events not consumed by BCP", db.count(schema + ".outbox_event o WHERE o.topic IN "
                        + BCP_TOPICS + " AND NOT EXISTS (SELECT 1 FROM " + bcp.get(0)
                        + ".bcp_fact f WHERE f.event_type = o.event_type AND f.business_key = o.business_key) AND o.id > ?",
                        marks.getOrDefault(schema, 0L)));
            }
        }
        return left;
    }

    private List<String> schemasWith(String table) {
        return db.query(SuiteDatabase.CREDIT, "SELECT table_schema FROM information_schema.tables WHERE table_name = ?"
                + " ORDER BY table_schema", rows -> rows.getString(1), table);
    }

    /** The credit hold id and flow request id credit-service derives from a partner's id ({@code LendingIds.scoped}). */
    static String scoped(String partnerId, String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((partnerId + "\n" + id).getBytes(StandardCharsets.UTF_8));
            return "P:" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
