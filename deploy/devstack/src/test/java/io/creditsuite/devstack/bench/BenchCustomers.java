package io.creditsuite.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The seeded customers with their limit path (read from the suite's limit_edge) and loan account. */
final class BenchCustomers {
    private BenchCustomers() {
    }

    static List<NaiveLocalDrawdown.Customer> read(Connection db, JsonNode seededCustomers) throws SQLException {
        List<NaiveLocalDrawdown.Customer> out = new ArrayList<>();
        for (JsonNode c : seededCustomers) {
            String customerId = c.path("customerId").asText();
            long product = c.path("productNodeId").asLong();
            long[] path = new long[4];
            path[0] = product;
            for (int i = 1; i < 4; i++) {
                path[i] = LenderInvariants.count(db, "SELECT parent_node_id FROM cs_credit.limit_edge WHERE"
                        + " child_node_id = " + path[i - 1] + " AND kind = 'USAGE'");
                if (path[i] == 0) {
                    throw new IllegalStateException("customer " + customerId + ": the path from product node "
                            + product + " ends after " + i + " nodes; the benchmark expects product -> business type"
                            + " -> line -> shared guarantee");
                }
            }
            long loanAccount = LenderInvariants.count(db, "SELECT loan_account_id FROM cs_credit.lending_customer"
                    + " WHERE customer_id = '" + customerId + "'");
            out.add(new NaiveLocalDrawdown.Customer(customerId, c.path("lineId").asText(), product, path, loanAccount));
        }
        return List.copyOf(out);
    }
}
