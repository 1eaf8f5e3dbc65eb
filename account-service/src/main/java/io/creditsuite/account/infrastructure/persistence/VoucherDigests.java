package io.creditsuite.account.infrastructure.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** The request digest stored per voucher in a table that has {@code voucher_no, reversal, request_digest}. */
final class VoucherDigests {
    private VoucherDigests() {
    }

    static Map<String, String> of(JdbcTemplate jdbc, String table, Collection<String> voucherNos) {
        Map<String, String> digests = new HashMap<>();
        if (voucherNos.isEmpty()) {
            return digests;
        }
        String marks = voucherNos.stream().map(v -> "?").collect(Collectors.joining(","));
        jdbc.query("SELECT voucher_no, request_digest FROM " + table + " WHERE reversal = 0 AND voucher_no IN (" + marks + ")",
                rs -> {
                    digests.put(rs.getString(1), rs.getString(2));
                }, voucherNos.toArray());
        return digests;
    }
}
