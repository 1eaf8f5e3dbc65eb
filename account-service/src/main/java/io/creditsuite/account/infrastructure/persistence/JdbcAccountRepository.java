package io.creditsuite.account.infrastructure.persistence;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.AccountKind;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.AccountState;
import io.creditsuite.account.domain.AccountTerms;
import io.creditsuite.account.domain.ChainHash;
import io.creditsuite.account.domain.ChainPosition;
import io.creditsuite.account.domain.HotRouting;
import io.creditsuite.account.domain.NewAccount;
import io.creditsuite.account.domain.PostingMode;
import io.creditsuite.account.domain.SubBalances;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Accounts over plain JDBC: the hot paths need explicit locking reads, conditional updates and
 * batched statements, which read more clearly as SQL than through a mapper.
 */
@Repository
class JdbcAccountRepository implements AccountRepository {
    private static final String COLUMNS = "id, owner_id, kind, currency, status, overdraft_minor, floor_minor, hot_mode,"
            + " parent_id, sub_accounts, collect_below_minor, available_minor, frozen_minor, in_transit_minor, version, last_hash";
    /** Accounts per balance UPDATE statement (7 bound values each). */
    private static final int UPDATE_CHUNK = 500;

    private final JdbcTemplate jdbc;

    JdbcAccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long insert(NewAccount spec) {
        AccountTerms a = spec.terms();
        HotRouting r = spec.routing();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO account (owner_id, kind, currency, status,"
                    + " overdraft_minor, floor_minor, hot_mode, parent_id, sub_accounts, collect_below_minor, last_hash)"
                    + " VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, a.ownerId());
            ps.setString(2, a.kind().name());
            ps.setString(3, a.currency());
            ps.setLong(4, a.overdraftMinor());
            if (a.floorMinor() == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, a.floorMinor());
            }
            ps.setString(6, r.mode().name());
            if (r.parentId() == null) {
                ps.setNull(7, Types.BIGINT);
            } else {
                ps.setLong(7, r.parentId());
            }
            ps.setInt(8, r.subAccounts());
            ps.setLong(9, r.collectBelowMinor());
            ps.setString(10, ChainHash.GENESIS);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public Optional<Account> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM account WHERE id = ?", JdbcAccountRepository::map, id)
                .stream().findFirst();
    }

    @Override
    public Map<Long, Account> findAll(Collection<Long> ids) {
        return select(ids, "");
    }

    @Override
    public Map<Long, Account> lockAscending(Collection<Long> ids) {
        // one range read over the primary key in ascending order: InnoDB takes the row locks in that order
        return select(ids, " FOR UPDATE");
    }

    private Map<Long, Account> select(Collection<Long> ids, String suffix) {
        Map<Long, Account> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        TreeSet<Long> sorted = new TreeSet<>(ids);
        String in = sorted.stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.query("SELECT " + COLUMNS + " FROM account WHERE id IN (" + in + ") ORDER BY id" + suffix,
                rs -> {
                    Account a = map(rs, 0);
                    found.put(a.id(), a);
                });
        return found;
    }

    @Override
    public List<Long> subAccountIds(long parentId) {
        return jdbc.queryForList("SELECT id FROM account WHERE parent_id = ? ORDER BY id", Long.class, parentId);
    }

    /**
     * ONE statement for every changed account: {@code UPDATE account JOIN (new values)} matched on
     * id AND the version read under the lock. The driver reports matched rows (CLIENT_FOUND_ROWS),
     * so fewer matches than accounts means one changed under its lock: the transaction fails.
     * Why one statement: a hot lane's batch changes one row per counterparty; N statements cost
     * the server N parses and executions, one costs one.
     */
    @Override
    public void saveChanged(Collection<Account> accounts) {
        List<Account> changed = new ArrayList<>();
        for (Account a : accounts) {
            if (a.changed()) {
                changed.add(a);
            }
        }
        for (int from = 0; from < changed.size(); from += UPDATE_CHUNK) {
            update(changed.subList(from, Math.min(changed.size(), from + UPDATE_CHUNK)));
        }
    }

    private void update(List<Account> chunk) {
        StringBuilder sql = new StringBuilder("UPDATE account a JOIN (");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "SELECT ? AS id, ? AS loaded_version, ? AS available, ? AS frozen, ? AS in_transit,"
                    + " ? AS version, ? AS last_hash" : " UNION ALL SELECT ?, ?, ?, ?, ?, ?, ?");
        }
        sql.append(") n ON a.id = n.id AND a.version = n.loaded_version SET a.available_minor = n.available,"
                + " a.frozen_minor = n.frozen, a.in_transit_minor = n.in_transit, a.version = n.version,"
                + " a.last_hash = n.last_hash");
        int matched = jdbc.update(sql.toString(), ps -> {
            int p = 1;
            for (Account a : chunk) {
                ps.setLong(p++, a.id());
                ps.setLong(p++, a.loadedVersion());
                ps.setLong(p++, a.availableMinor());
                ps.setLong(p++, a.frozenMinor());
                ps.setLong(p++, a.inTransitMinor());
                ps.setLong(p++, a.version());
                ps.setString(p++, a.lastHash());
            }
        });
        if (matched != chunk.size()) {
            throw new IllegalStateException("an account changed under its lock (version check matched " + matched
                    + " of " + chunk.size() + ")");
        }
    }

    @Override
    public void changeMode(long id, PostingMode mode) {
        jdbc.update("UPDATE account SET hot_mode = ? WHERE id = ?", mode.name(), id);
    }

    @Override
    public boolean switchModeAutomatically(long id, PostingMode from, PostingMode to) {
        return jdbc.update("UPDATE account SET hot_mode = ?, hot_mode_auto = 1 WHERE id = ? AND hot_mode = ?",
                to.name(), id, from.name()) == 1;
    }

    @Override
    public boolean restoreMode(long id, PostingMode from, PostingMode to) {
        return jdbc.update("UPDATE account SET hot_mode = ?, hot_mode_auto = 0 WHERE id = ? AND hot_mode = ?"
                + " AND hot_mode_auto = 1", to.name(), id, from.name()) == 1;
    }

    @Override
    public List<Long> automaticallySwitched(PostingMode mode) {
        return jdbc.queryForList("SELECT id FROM account WHERE hot_mode_auto = 1 AND hot_mode = ? ORDER BY id",
                Long.class, mode.name());
    }

    @Override
    public void changeStatus(Collection<Long> ids, AccountState from, AccountState to) {
        if (ids.isEmpty()) {
            return;
        }
        TreeSet<Long> distinct = new TreeSet<>(ids);
        String in = distinct.stream().map(String::valueOf).collect(Collectors.joining(","));
        int changed = jdbc.update("UPDATE account SET status = ? WHERE id IN (" + in + ") AND status = ?", to.name(),
                from.name());
        if (changed != distinct.size()) {
            throw new IllegalStateException("accounts " + in + " were not all " + from + " (" + changed + " changed)");
        }
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        long floor = rs.getLong("floor_minor");
        Long floorMinor = rs.wasNull() ? null : floor;
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        AccountTerms terms = new AccountTerms(rs.getString("owner_id"), AccountKind.valueOf(rs.getString("kind")),
                rs.getString("currency"), rs.getLong("overdraft_minor"), floorMinor);
        HotRouting routing = new HotRouting(PostingMode.valueOf(rs.getString("hot_mode")), parentId,
                rs.getInt("sub_accounts"), rs.getLong("collect_below_minor"));
        SubBalances balances = new SubBalances(rs.getLong("available_minor"), rs.getLong("frozen_minor"),
                rs.getLong("in_transit_minor"));
        return new Account(rs.getLong("id"), terms, AccountState.valueOf(rs.getString("status")), routing, balances,
                new ChainPosition(rs.getLong("version"), rs.getString("last_hash")));
    }
}
