package io.creditsuite.credit.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.credit.CreditMaintenanceService;
import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.GrantLineRequest;
import io.creditsuite.api.credit.LimitType;
import io.creditsuite.api.credit.RegisterCustomerRequest;
import io.creditsuite.credit.domain.Balances;
import io.creditsuite.credit.domain.GrantControlPolicy;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.LimitGuard;
import io.creditsuite.credit.domain.LimitRejection;
import io.creditsuite.credit.domain.NodeDelta;
import io.creditsuite.middleware.spring.MiddlewareInitializer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where SQL mirrors a money rule for speed, the domain owns the rule and this test runs one table of boundary cases
 * through both, on the real MariaDB, and requires them to agree: {@link LimitGuard} against the guarded node update
 * ({@link LimitChangeWrites#lockedNodeUpdate}; its optimistic twin differs only in {@code last_flow_at < t}, and it is
 * the whole limit check of an optimistic batch) and {@link GrantControlPolicy}
 * against the granted-limit SUM ({@code JdbcLimitDirectory.grantedUnder}). Each case runs in a transaction that rolls
 * back.
 */
// the same context configuration as every credit-service IT (one shared context: see CreditLimitITSupport)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = MiddlewareInitializer.class)
@AutoConfigureObservability
class MoneyRuleSqlMirrorIT {
    private static final long MAX = Long.MAX_VALUE;
    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Instant LATER = T.plus(Duration.ofDays(1));

    @Autowired
    CreditMaintenanceService maintenance;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LimitDirectory directory;

    String lineId;

    @BeforeEach
    void aLineToHangTestNodesOn() {
        String grantor = customer();
        lineId = "mirror-" + UUID.randomUUID().toString().substring(0, 18);
        long now = System.currentTimeMillis();
        maintenance.grantLine(new GrantLineRequest(id(), "maker-1", "mirror test", lineId, grantor, customer(),
                LimitType.GUARANTEE, "CNY", "subject-1", now - 60_000, now + Duration.ofDays(365).toMillis(), true,
                "0.0435", 0, 0, null, null, List.of()));
    }

    private record LimitCase(String name, Balances before, NodeDelta delta) {
    }

    @Test
    void the_guarded_node_update_and_the_limit_guard_agree_on_every_boundary_case() {
        List<LimitCase> cases = List.of(
                c("a freeze up to the limit", b(100, 0, null, 0, 0, 0, 0), NodeDelta.frozen(0, 100)),
                c("one over the limit", b(100, 0, null, 0, 0, 0, 0), NodeDelta.frozen(0, 101)),
                c("one over, by in-transit", b(100, 0, null, 0, 40, 30, 30), NodeDelta.inTransit(0, 1)),
                c("a zero entry", b(100, 0, null, 0, 100, 0, 0), NodeDelta.frozen(0, 0)),
                c("a zero limit", b(0, 0, null, 0, 0, 0, 0), NodeDelta.frozen(0, 1)),
                c("near MAX, to MAX", b(MAX, 0, null, 0, MAX - 1, 0, 0), NodeDelta.frozen(0, 1)),
                c("near MAX, past MAX", b(MAX, 0, null, 0, MAX - 1, 0, 0), NodeDelta.frozen(0, 2)),
                c("MAX in transit on MAX - 1 frozen", b(MAX, 0, null, 0, MAX - 1, 0, 0), NodeDelta.inTransit(0, MAX)),
                c("MAX frozen on MAX frozen", b(MAX, 0, null, 0, MAX, 0, 0), NodeDelta.frozen(0, MAX)),
                c("negative net, to zero", b(100, 0, null, 0, 50, 0, 0), NodeDelta.frozen(0, -50)),
                c("negative net, below zero", b(100, 0, null, 0, 50, 0, 0), NodeDelta.frozen(0, -51)),
                c("negative net of MAX", b(MAX, 0, null, 0, MAX, 0, 0), NodeDelta.frozen(0, -MAX)),
                c("a use: frozen to in-transit", b(100, 0, null, 0, 50, 0, 0), NodeDelta.frozenToInTransit(0, 50)),
                c("a use of more than is frozen", b(100, 0, null, 0, 50, 0, 0), NodeDelta.frozenToInTransit(0, 51)),
                c("a temporary limit in force", b(100, 50, LATER, 0, 0, 0, 0), NodeDelta.frozen(0, 150)),
                c("one over a temporary limit in force", b(100, 50, LATER, 0, 0, 0, 0), NodeDelta.frozen(0, 151)),
                c("a temporary limit that expires now", b(100, 50, T, 0, 0, 0, 0), NodeDelta.frozen(0, 101)),
                c("above an expired limit, exposure down", b(100, 50, T, 0, 150, 0, 0), NodeDelta.frozen(0, -10)),
                c("above an expired limit, exposure up", b(100, 50, T, 0, 150, 0, 0), NodeDelta.frozen(0, 1)),
                c("a limit lowered to the exposure", b(100, 0, null, 0, 80, 0, 0), NodeDelta.limits(0, -20, 0, null)),
                c("a limit lowered below the exposure", b(100, 0, null, 0, 80, 0, 0), NodeDelta.limits(0, -21, 0, null)),
                c("a temporary expiry set to now", b(100, 50, LATER, 0, 120, 0, 0), NodeDelta.limits(0, 0, 0, T)),
                c("a limit raised to MAX", b(MAX - 1, 0, null, 0, 0, 0, 0), NodeDelta.limits(0, 1, 0, null)),
                c("a limit raised past MAX", b(MAX, 0, null, 0, 0, 0, 0), NodeDelta.limits(0, 1, 0, null)),
                c("fixed MAX plus a temporary 1", b(MAX, 0, null, 0, 0, 0, 0), NodeDelta.limits(0, 0, 1, LATER)),
                c("a non-revolving return", b(100, 0, null, 0, 0, 0, 100), NodeDelta.returned(0, 10, false)),
                c("a return of more than is in use", b(100, 0, null, 0, 0, 0, 10), NodeDelta.returned(0, 11, true)));

        List<String> disagreements = new ArrayList<>();
        for (LimitCase c : cases) {
            boolean domain = domainAccepts(c);
            boolean sql = sqlAccepts(c);
            if (domain != sql) {
                disagreements.add(c.name + ": domain " + (domain ? "accepts" : "refuses") + ", SQL "
                        + (sql ? "accepts" : "refuses"));
            }
        }
        assertThat(disagreements).as("cases where LimitGuard and the guarded node update disagree").isEmpty();
    }

    @Test
    void the_granted_sum_in_sql_and_the_grant_control_policy_agree_on_every_boundary_case() {
        List<List<Balances>> cases = List.of(
                List.of(),
                List.of(b(100, 0, null, 0, 0, 0, 0)),
                List.of(b(60, 30, LATER, 0, 0, 0, 0), b(20, 0, null, 0, 0, 0, 0)),
                List.of(b(60, 30, T, 0, 0, 0, 0), b(20, 0, null, 0, 0, 0, 0)),
                List.of(b(60, 30, T.minusSeconds(1), 5, 0, 0, 0)),
                List.of(b(MAX, 0, null, 0, 0, 0, 0)),
                List.of(b(MAX - 5, 5, LATER, 0, 0, 0, 0)),
                List.of(b(MAX, 0, null, 0, 0, 0, 0), b(1, 0, null, 0, 0, 0, 0)),
                List.of(b(MAX / 2 + 1, 0, null, 0, 0, 0, 0), b(MAX / 2 + 1, 0, null, 0, 0, 0, 0)),
                List.of(b(0, MAX, LATER, 0, 0, 0, 0), b(0, 1, T, 0, 0, 0, 0)),
                List.of(b(0, MAX, LATER, 0, 0, 0, 0), b(0, 1, LATER, 0, 0, 0, 0)));
        List<String> disagreements = new ArrayList<>();
        for (List<Balances> children : cases) {
            String domain = outcome(() -> GrantControlPolicy.grantedAt(children, T));
            String sql = inRolledBackTransaction(() -> {
                long parent = insertNode(b(0, 0, null, 0, 0, 0, 0));
                for (Balances child : children) {
                    jdbc.update("INSERT INTO limit_edge (child_node_id, parent_node_id, kind) VALUES (?, ?, 'GRANT')",
                            insertNode(child), parent);
                }
                return outcome(() -> directory.grantedUnder(parent, T));
            });
            if (!domain.equals(sql)) {
                disagreements.add(children + ": domain " + domain + ", SQL " + sql);
            }
        }
        assertThat(disagreements).as("cases where GrantControlPolicy and the SQL sum disagree").isEmpty();
    }

    private static boolean domainAccepts(LimitCase c) {
        try {
            LimitGuard.apply(c.before, c.delta, T);
            return true;
        } catch (LimitRejection refused) {
            return false;
        }
    }

    /** The writer's guarded node update on a node holding {@code before}: one matched row, or refused. */
    private boolean sqlAccepts(LimitCase c) {
        return inRolledBackTransaction(() -> {
            long node = insertNode(c.before);
            NodeDelta d = new NodeDelta(node, c.delta.fixedMinor(), c.delta.temporaryMinor(), c.delta.temporaryExpiresAt(),
                    c.delta.retiredMinor(), c.delta.frozenMinor(), c.delta.inTransitMinor(), c.delta.inUseMinor());
            try {
                LimitChangeWrites.lockedNodeUpdate(List.of(d), Timestamp.from(T)).run(jdbc);
            } catch (RuntimeException refused) {
                // a guard that matched no row, or a statement MariaDB refused (e.g. a CHECK constraint)
                return false;
            }
            return true;
        });
    }

    private long insertNode(Balances b) {
        jdbc.update("INSERT INTO limit_node (line_id, level, revolving, currency, fixed_minor, temporary_minor,"
                        + " temporary_expires_at, retired_minor, frozen_minor, in_transit_minor, in_use_minor)"
                        + " VALUES (?, 'PRODUCT', TRUE, 'CNY', ?, ?, ?, ?, ?, ?, ?)", lineId, b.fixedMinor(),
                b.temporaryMinor(), b.temporaryExpiresAt() == null ? null : Timestamp.from(b.temporaryExpiresAt()),
                b.retiredMinor(), b.frozenMinor(), b.inTransitMinor(), b.inUseMinor());
        return jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
    }

    private <T> T inRolledBackTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    /** The sum, or the reason it was refused. */
    private static String outcome(java.util.function.LongSupplier sum) {
        try {
            return Long.toString(sum.getAsLong());
        } catch (LimitRejection refused) {
            return refused.reason().name();
        }
    }

    private String customer() {
        String customerId = "cust-" + UUID.randomUUID().toString().substring(0, 18);
        maintenance.registerCustomer(new RegisterCustomerRequest(id(), customerId, "Customer " + customerId,
                CustomerSource.BANK, null, null));
        return customerId;
    }

    private static String id() {
        return "r-" + UUID.randomUUID().toString().substring(0, 18);
    }

    private static LimitCase c(String name, Balances before, NodeDelta delta) {
        return new LimitCase(name, before, delta);
    }

    private static Balances b(long fixed, long temporary, Instant expiresAt, long retired, long frozen, long inTransit,
                              long inUse) {
        return new Balances(fixed, temporary, expiresAt, retired, frozen, inTransit, inUse);
    }
}
