package io.creditsuite.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditsuite.partnerclient.PartnerClient;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's control for contention: one demo lender per client, each with ONE customer, so every client draws
 * down on its own guarantee node and its own funding account (no row is shared between clients). The same drawdowns
 * on these cold rows against the hot lender's shared rows say how much of a drawdown's time is waiting for the hot
 * rows' locks: batching the hot rows could at best close that gap.
 */
final class ColdLenders {
    /** One client's own lender: its signed client, its customer, its funding account. */
    record Lender(String partnerId, PartnerClient client, NaiveLocalDrawdown.Customer customer, long fundingAccountId) {
    }

    interface Operator {
        JsonNode call(String method, String path, String body) throws Exception;
    }

    private ColdLenders() {
    }

    static List<Lender> seed(Operator operator, Connection db, URI gateway, String partnerPrefix, int clients)
            throws Exception {
        List<Lender> lenders = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String partnerId = partnerPrefix + "-cold-" + i;
            operator.call("POST", "ops/v1/partners", "{\"partnerId\":\"" + partnerId + "\",\"name\":\"Cold lender " + i
                    + "\",\"scopes\":[\"CUSTOMERS_READ\",\"CUSTOMERS_WRITE\",\"LOANS_READ\",\"LOANS_WRITE\"]}");
            JsonNode key = operator.call("POST", "ops/v1/partners/" + partnerId + "/keys", null);
            JsonNode seeded = operator.call("POST", "ops/v1/demo/lenders", "{\"partnerId\":\"" + partnerId
                    + "\",\"name\":\"Cold lender " + i + "\",\"customers\":1}");
            NaiveLocalDrawdown.Customer customer = BenchCustomers.read(db, seeded.path("customers")).get(0);
            long funding = LenderInvariants.count(db, "SELECT funding_account_id FROM cs_credit.lending_partner"
                    + " WHERE partner_id = '" + partnerId + "'");
            lenders.add(new Lender(partnerId, new PartnerClient(gateway, key.path("keyId").asText(),
                    key.path("secret").asText(), Clock.systemUTC()), customer, funding));
        }
        return List.copyOf(lenders);
    }

    /** The invariants of every cold lender, summed. */
    static LenderInvariants.Result check(Connection db, List<Lender> lenders) throws SQLException {
        long overdrawn = 0;
        long drift = 0;
        for (Lender lender : lenders) {
            LenderInvariants.Result r = LenderInvariants.check(db, "cs_credit", "cs_account",
                    lender.customer().pathNodeIds(), lender.fundingAccountId(), List.of(lender.customer()));
            overdrawn += r.overdrawn();
            drift += r.drift();
        }
        return new LenderInvariants.Result(overdrawn, drift);
    }
}
