package io.creditsuite.account.infrastructure.persistence;

import io.creditsuite.account.domain.BufferedRefusal;
import io.creditsuite.account.domain.BufferedRefusalRepository;
import io.creditsuite.account.domain.LedgerError;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code buffered_refusal}: one row per voucher, the first refusal kept. */
@Repository
class JdbcBufferedRefusalRepository implements BufferedRefusalRepository {
    /** The column's width: a longer message is cut, the error code says what it was. */
    private static final int MESSAGE_CHARS = 512;

    private final JdbcTemplate jdbc;

    JdbcBufferedRefusalRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordAll(List<BufferedRefusal> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT IGNORE INTO buffered_refusal (voucher_no, digest, error, message, refused_at)"
                + " VALUES (?, ?, ?, ?, ?)", refusals.stream().map(r -> new Object[] {r.voucherNo(), r.digest(),
                    r.error().name(), cut(r.message()), Timestamp.from(r.refusedAt())}).toList());
    }

    @Override
    public Optional<BufferedRefusal> find(String voucherNo) {
        return jdbc.query("SELECT voucher_no, digest, error, message, refused_at FROM buffered_refusal"
                + " WHERE voucher_no = ?", (rs, n) -> new BufferedRefusal(rs.getString(1), rs.getString(2),
                        LedgerError.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant()),
                voucherNo).stream().findFirst();
    }

    @Override
    public Set<String> refusedAmong(Collection<String> voucherNos) {
        if (voucherNos.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT voucher_no FROM buffered_refusal WHERE voucher_no IN ("
                + String.join(", ", Collections.nCopies(voucherNos.size(), "?")) + ")", String.class,
                voucherNos.toArray()));
    }

    private static String cut(String message) {
        String text = message == null ? "" : message;
        return text.length() <= MESSAGE_CHARS ? text : text.substring(0, MESSAGE_CHARS);
    }
}
