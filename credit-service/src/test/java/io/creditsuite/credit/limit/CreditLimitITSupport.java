package io.creditsuite.credit.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.api.credit.BusinessTypeGrant;
import io.creditsuite.api.credit.CreditLimitService;
import io.creditsuite.api.credit.CreditMaintenanceService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.GrantLineResult;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.NodeScope;
import io.creditsuite.api.credit.NodeTreeQuery;
import io.creditsuite.api.credit.ProductGrant;
import io.creditsuite.api.credit.RegisterCustomerRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.FlowReplay;
import io.creditsuite.credit.domain.NodeDelta;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Spring context on the real middleware for every credit-limit IT (they share it), and the fixtures they
 * share: customers, an upstream guarantee line and downstream vendor credit-sale lines hanging under it.
 */
// exactly CreditServiceIT's (ServiceContractIT's) context configuration, so that every credit-service IT shares
// ONE Spring context: Seata registers a TCC resource once per JVM and proxies a bean name once per JVM, so the
// TCC actions only work in the first context that a test JVM creates
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@AutoConfigureObservability
abstract class CreditLimitITSupport {
    static final String CNY = "CNY";

    @Autowired
    CreditLimitService limits;
    @Autowired
    CreditMaintenanceService maintenance;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ModuleModel dubboModule;

    /** A Dubbo reference that always goes over the network (never to the in-JVM provider); destroy it after use. */
    <T> ReferenceConfig<T> remoteReference(Class<T> api) {
        ReferenceConfig<T> reference = new ReferenceConfig<>(dubboModule);
        reference.setInterface(api);
        reference.setScope("remote");
        reference.setCheck(false);
        return reference;
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 18);
    }

    String customer(CustomerSource source, String groupId, String department) {
        String customerId = id("cust");
        maintenance.registerCustomer(new RegisterCustomerRequest(id("r"), customerId, "Customer " + customerId, source,
                groupId, department));
        return customerId;
    }

    GrantLineResult grant(String grantor, String holder, LimitType type, long fixed, Long parentNodeId,
                          boolean revolving, List<BusinessTypeGrant> businessTypes) {
        long now = System.currentTimeMillis();
        return maintenance.grantLine(new GrantLineRequest(id("r"), "maker-1", "approved application", id("line"),
                grantor, holder, type, CNY, "subject-1", now - 60_000, now + Duration.ofDays(365).toMillis(), revolving,
                "0.0435", fixed, 0, null, parentNodeId, businessTypes));
    }

    /** An upstream's guarantee line; its limit-type node is the shared node. */
    GrantLineResult guarantee(String upstream, long fixed) {
        return grant(customer(CustomerSource.BANK, null, null), upstream, LimitType.GUARANTEE, fixed, null, true, List.of());
    }

    /** A downstream's vendor credit-sale line under the guarantee node: limit type -> "auto" -> product "p-1". */
    GrantLineResult vendorLine(String upstream, String downstream, long guaranteeNode, long fixed, boolean revolving) {
        return grant(upstream, downstream, LimitType.VENDOR_CREDIT_SALE, fixed, guaranteeNode, revolving,
                List.of(new BusinessTypeGrant("auto", fixed, List.of(new ProductGrant("p-1", fixed)))));
    }

    static long root(GrantLineResult line) {
        return line.nodes().stream().filter(n -> n.level().equals("LIMIT_TYPE")).findFirst().orElseThrow().nodeId();
    }

    static long product(GrantLineResult line) {
        return line.nodes().stream().filter(n -> n.level().equals("PRODUCT")).findFirst().orElseThrow().nodeId();
    }

    static long businessType(GrantLineResult line) {
        return line.nodes().stream().filter(n -> n.level().equals("BUSINESS_TYPE")).findFirst().orElseThrow().nodeId();
    }

    LimitNodeView node(String lineId, long nodeId) {
        return limits.nodeTree(new NodeTreeQuery(NodeScope.LINE, lineId)).stream().filter(n -> n.nodeId() == nodeId)
                .findFirst().orElseThrow();
    }

    static ErrorCode codeOf(ThrowingCallable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("an ApiException").isNotNull();
        return e.errorCode();
    }

    /**
     * Counts of everything a limit operation writes, to show that a refused one wrote nothing. The sums run in
     * DECIMAL: nodes near Long.MAX_VALUE (CreditOverflowIT) share the database.
     */
    List<?> writes() {
        return List.of(count("credit_flow"), count("credit_flow_entry"), count("credit_hold"),
                jdbc.queryForObject("SELECT COALESCE(SUM(CAST(frozen_minor AS DECIMAL(40)) + in_transit_minor + in_use_minor"
                        + " + fixed_minor + temporary_minor + retired_minor), 0) FROM limit_node", java.math.BigDecimal.class),
                jdbc.queryForObject("SELECT COALESCE(SUM(CAST(frozen_minor AS DECIMAL(40)) + in_transit_minor + in_use_minor), 0)"
                        + " FROM credit_hold", java.math.BigDecimal.class));
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /**
     * Replays the whole flow log from zero in time order through the domain's FlowRule and compares every node
     * with its stored balances, in one consistent snapshot.
     */
    void assertReplayReproducesEveryNode() {
        TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        snapshot.executeWithoutResult(status -> {
            List<FlowReplay.TimedEntry> log = jdbc.query("SELECT f.occurred_at, e.node_id, e.fixed_minor, e.temporary_minor,"
                            + " e.temporary_expires_at, e.retired_minor, e.frozen_minor, e.in_transit_minor, e.in_use_minor"
                            + " FROM credit_flow f JOIN credit_flow_entry e ON e.flow_seq = f.flow_seq"
                            + " ORDER BY f.occurred_at, f.flow_seq",
                    (rs, n) -> new FlowReplay.TimedEntry(rs.getTimestamp(1).toInstant(), new NodeDelta(rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9))));
            Map<Long, Balances> replayed = FlowReplay.replay(log);
            Map<Long, Balances> stored = new HashMap<>();
            jdbc.query("SELECT node_id, fixed_minor, temporary_minor, temporary_expires_at, retired_minor, frozen_minor,"
                    + " in_transit_minor, in_use_minor FROM limit_node", rs -> {
                        Instant expiry = rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant();
                        stored.put(rs.getLong(1), new Balances(rs.getLong(2), rs.getLong(3), expiry, rs.getLong(5),
                                rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                    });
            stored.forEach((nodeId, balances) -> assertThat(replayed.getOrDefault(nodeId, Balances.ZERO))
                    .as("node %d rebuilt from its flows", nodeId).isEqualTo(balances));
            assertThat(replayed.keySet()).isSubsetOf(stored.keySet());
        });
    }
}
