package io.creditsuite.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.TMClient;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.Test;

/**
 * The Seata client the services use (org.apache.seata 2.5.0) against our TC (io.seata 2.0.0),
 * configured only by the two settings {@link Middleware#springProperties} gives a service:
 * the transaction group's cluster and that cluster's address.
 */
class SeataClientIT {

    @Test
    void a_global_transaction_is_begun_and_committed_on_the_tc() throws Exception {
        String tc = Middleware.shared().seataTcAddress();
        // without Spring, Seata's settings come from system properties (or a registry.conf)
        System.setProperty("config.type", "file");
        System.setProperty("config.file.name", "file.conf"); // absent: every value below comes from here
        System.setProperty("registry.type", "file");
        System.setProperty("service.vgroupMapping." + Middleware.SEATA_TX_SERVICE_GROUP, Middleware.SEATA_CLUSTER);
        System.setProperty("service.default.grouplist", tc);
        TMClient.init("middleware-it", Middleware.SEATA_TX_SERVICE_GROUP);

        long began = System.nanoTime();
        GlobalTransaction transaction = GlobalTransactionContext.createNew();
        transaction.begin(30_000, "middleware-it");
        String xid = transaction.getXid();
        transaction.commit();
        System.out.println("[middleware] Seata begin + commit of " + xid + ": "
                + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms (first call includes connecting)");

        // the XID is minted by the TC and carries its port: proof it was not a local no-op. (Its
        // host is the machine's first non-loopback address: seata-server refuses 127.0.0.1 there,
        // and nobody connects to it; clients use seata.service.grouplist.)
        String port = tc.substring(tc.indexOf(':') + 1);
        assertThat(xid).matches("[0-9.]+:" + port + ":\\d+");
        // phase 2 is asynchronous: the TC may still be committing when commit() returns
        assertThat(transaction.getStatus())
                .isIn(GlobalStatus.AsyncCommitting, GlobalStatus.Committed, GlobalStatus.Finished);
    }
}
