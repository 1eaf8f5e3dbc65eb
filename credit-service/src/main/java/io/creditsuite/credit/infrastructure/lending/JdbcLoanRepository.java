package io.creditsuite.credit.infrastructure.lending;

import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.LoanRepository;
import io.creditsuite.credit.domain.lending.LoanState;
import io.creditsuite.credit.domain.lending.LoanTerms;
import io.creditsuite.credit.domain.lending.PartnerRequest;
import io.creditsuite.credit.domain.lending.Refusal;
import io.creditsuite.credit.domain.lending.RefusalReason;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** {@code lending_loan}; every statement runs in the caller's transaction. */
@Component
public class JdbcLoanRepository implements LoanRepository {
    private static final String COLUMNS = "loan_id, partner_id, request_id, body_hash, customer_id, line_id,"
            + " product_node_id, amount_minor, currency, payee_account, status, refusal, refusal_detail,"
            + " repaid_principal_minor, xid, created_at, disbursed_at";
    private static final RowMapper<Loan> LOAN = (rs, n) -> new Loan(rs.getString(1),
            new PartnerRequest(rs.getString(2), rs.getString(3), rs.getString(4)),
            new LoanTerms(rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                    rs.getString(10)),
            LoanState.valueOf(rs.getString(11)),
            rs.getString(12) == null ? null : new Refusal(RefusalReason.valueOf(rs.getString(12)), rs.getString(13)),
            rs.getLong(14), rs.getString(15), rs.getTimestamp(16).toInstant(), Rows.instant(rs.getTimestamp(17)));

    private final JdbcTemplate jdbc;

    public JdbcLoanRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Loan l) {
        try {
            jdbc.update("INSERT INTO lending_loan (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    l.loanId(), l.partnerId(), l.origin().requestId(), l.origin().bodyHash(), l.customerId(),
                    l.terms().lineId(), l.terms().productNodeId(), l.amountMinor(), l.terms().currency(),
                    l.terms().payeeAccount(), l.status().name(), refusal(l), refusalDetail(l), l.repaidPrincipalMinor(),
                    l.xid(), Timestamp.from(l.createdAt()), Rows.timestamp(l.disbursedAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Loan> byId(String loanId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lending_loan WHERE loan_id = ?", LOAN, loanId).stream().findFirst();
    }

    @Override
    public Optional<Loan> byPartnerRequest(String partnerId, String requestId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lending_loan WHERE partner_id = ? AND request_id = ?", LOAN,
                partnerId, requestId).stream().findFirst();
    }

    @Override
    public Optional<Loan> lock(String loanId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lending_loan WHERE loan_id = ? FOR UPDATE", LOAN, loanId)
                .stream().findFirst();
    }

    @Override
    public boolean update(Loan l, LoanState expected) {
        return jdbc.update("UPDATE lending_loan SET status = ?, refusal = ?, refusal_detail = ?,"
                        + " repaid_principal_minor = ?, xid = ?, disbursed_at = ? WHERE loan_id = ? AND status = ?",
                l.status().name(), refusal(l), refusalDetail(l), l.repaidPrincipalMinor(), l.xid(),
                Rows.timestamp(l.disbursedAt()), l.loanId(), expected.name()) == 1;
    }

    @Override
    public List<Loan> inState(LoanState state, Instant before, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lending_loan WHERE status = ? AND created_at < ?"
                + " ORDER BY created_at LIMIT ?", LOAN, state.name(), Timestamp.from(before), limit);
    }

    private static String refusal(Loan l) {
        return l.refusal() == null ? null : l.refusal().reason().name();
    }

    private static String refusalDetail(Loan l) {
        return l.refusal() == null ? null : l.refusal().detail();
    }
}
