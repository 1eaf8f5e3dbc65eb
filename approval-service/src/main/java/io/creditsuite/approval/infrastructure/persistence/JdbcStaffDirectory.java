package io.creditsuite.approval.infrastructure.persistence;

import io.creditsuite.approval.domain.staff.DataScopePolicy;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import io.creditsuite.approval.domain.staff.StaffRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code approval_staff}: active staff only. */
public class JdbcStaffDirectory implements StaffDirectory {
    private static final String COLUMNS = "username, display_name, roles, department_path, region_path, product_lines,"
            + " skills";

    private final JdbcTemplate jdbc;

    public JdbcStaffDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Staff> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM approval_staff WHERE username = ? AND active = 1", this::row,
                username).stream().findFirst();
    }

    @Override
    public List<Staff> active() {
        return jdbc.query("SELECT " + COLUMNS + " FROM approval_staff WHERE active = 1 ORDER BY username", this::row);
    }

    @Override
    public List<Staff> withRole(StaffRole role, String departmentPath) {
        return active().stream().filter(s -> s.has(role) && DataScopePolicy.isWithin(s.departmentPath(), departmentPath))
                .toList();
    }

    /** Inserts the member unless the user name exists; returns whether it was inserted. */
    public boolean insertIfMissing(Staff s) {
        return jdbc.update("INSERT INTO approval_staff (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ? FROM DUAL WHERE NOT"
                        + " EXISTS (SELECT 1 FROM approval_staff WHERE username = ?)", s.username(), s.displayName(),
                s.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), s.departmentPath(),
                s.regionPath(), String.join(",", s.productLines()), String.join(",", s.skills()), s.username()) == 1;
    }

    /** The member's BCrypt hash for local sign-in, empty when they sign in through the identity provider only. */
    public Optional<String> passwordHash(String username) {
        return jdbc.queryForList("SELECT password_hash FROM approval_staff WHERE username = ? AND active = 1"
                + " AND password_hash IS NOT NULL", String.class, username).stream().findFirst();
    }

    /** Gives a local password to a member who has none (the devstack's demo users); returns whether it did. */
    public boolean setPasswordIfMissing(String username, String passwordHash) {
        return jdbc.update("UPDATE approval_staff SET password_hash = ? WHERE username = ? AND password_hash IS NULL",
                passwordHash, username) == 1;
    }

    private Staff row(ResultSet rs, int n) throws SQLException {
        return new Staff(rs.getString(1), rs.getString(2), split(rs.getString(3)).stream().map(StaffRole::valueOf)
                .collect(Collectors.toSet()), rs.getString(4), rs.getString(5), split(rs.getString(6)),
                split(rs.getString(7)));
    }

    private static Set<String> split(String csv) {
        return csv == null || csv.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(csv.split(",")));
    }
}
