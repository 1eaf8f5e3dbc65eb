package io.creditsuite.credit.infrastructure.lending;

import io.creditsuite.credit.domain.lending.PartnerRequest;
import io.creditsuite.credit.domain.lending.Repayment;
import io.creditsuite.credit.domain.lending.RepaymentRepository;
import io.creditsuite.credit.domain.lending.RepaymentState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** {@code lending_repayment}; every statement runs in the caller's transaction. */
@Component
public class JdbcRepaymentRepository implements RepaymentRepository {
    private static final String COLUMNS = "repayment_id, partner_id, request_id, body_hash, loan_id, seq,"
            + " principal_minor, interest_minor, currency, payer_account, voucher_no, status, failure, created_at,"
            + " settled_at";
    private static final RowMapper<Repayment> REPAYMENT = (rs, n) -> new Repayment(rs.getString(1),
            new PartnerRequest(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getString(5), rs.getInt(6),
            new Repayment.RepaymentAmounts(rs.getLong(7), rs.getLong(8), rs.getString(9)), rs.getString(10),
            rs.getString(11), RepaymentState.valueOf(rs.getString(12)), rs.getString(13),
            rs.getTimestamp(14).toInstant(), Rows.instant(rs.getTimestamp(15)));

    private final JdbcTemplate jdbc;

    public JdbcRepaymentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Repayment r) {
        try {
            jdbc.update("INSERT INTO lending_repayment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.repaymentId(), r.origin().partnerId(), r.origin().requestId(), r.origin().bodyHash(), r.loanId(),
                    r.seq(), r.principalMinor(), r.amounts().interestMinor(), r.amounts().currency(), r.payerAccount(),
                    r.voucherNo(), r.status().name(), r.failure(), Timestamp.from(r.createdAt()),
                    Rows.timestamp(r.settledAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Repayment> byId(String repaymentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lending_repayment WHERE repayment_id = ?", REPAYMENT, repaymentId)
                .stream().findFirst();
    }

    @Override
    public Optional<Repayment> byPartnerRequest(String partnerId, String requestId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lending_repayment WHERE partner_id = ? AND request_id = ?",
                REPAYMENT, partnerId, requestId).stream().findFirst();
    }

    @Override
    public List<Repayment> ofLoan(String loanId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lending_repayment WHERE loan_id = ? ORDER BY seq", REPAYMENT,
                loanId);
    }

    @Override
    public boolean settle(Repayment r) {
        return jdbc.update("UPDATE lending_repayment SET status = ?, failure = ?, settled_at = ?"
                        + " WHERE repayment_id = ? AND status = 'PENDING'", r.status().name(), r.failure(),
                Rows.timestamp(r.settledAt()), r.repaymentId()) == 1;
    }

    @Override
    public List<Repayment> pending(Instant before, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lending_repayment WHERE status = 'PENDING' AND created_at < ?"
                + " ORDER BY created_at LIMIT ?", REPAYMENT, Timestamp.from(before), limit);
    }
}
