package io.creditsuite.approval.infrastructure.check;

import io.creditsuite.approval.domain.check.Blacklist;
import io.creditsuite.approval.domain.check.BlacklistEntry;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code blacklist_entry}: exact matches on the indexed (kind, value). */
public class JdbcBlacklist implements Blacklist {
    private final JdbcTemplate jdbc;

    public JdbcBlacklist(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<BlacklistEntry> matching(String identityType, String identityNumber, String phone,
                                         String normalizedName) {
        return jdbc.query("SELECT entry_id, kind, value, reason FROM blacklist_entry WHERE active = 1 AND ("
                        + "(kind = ? AND value = ?) OR (kind = 'PHONE' AND value = ?) OR (kind = 'NAME' AND value = ?))"
                        + " ORDER BY entry_id", (rs, n) -> new BlacklistEntry(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)), identityType, identityNumber, phone == null ? "" : phone,
                normalizedName);
    }
}
