package io.creditsuite.credit.infrastructure.lending;

import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** {@code lending_customer}. */
@Component
public class JdbcPartnerCustomerRepository implements PartnerCustomerRepository {
    private static final String COLUMNS = "customer_id, partner_id, partner_customer_ref, name, department, body_hash,"
            + " loan_account_id, onboarded_at";
    private static final RowMapper<PartnerCustomer> CUSTOMER = (rs, n) -> new PartnerCustomer(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getObject(7) == null ? null : rs.getLong(7), rs.getTimestamp(8).toInstant());

    private final JdbcTemplate jdbc;

    public JdbcPartnerCustomerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(PartnerCustomer c) {
        try {
            jdbc.update("INSERT INTO lending_customer (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", c.customerId(),
                    c.partnerId(), c.partnerCustomerRef(), c.name(), c.department(), c.bodyHash(), c.loanAccountId(),
                    Timestamp.from(c.onboardedAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<PartnerCustomer> byId(String customerId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lending_customer WHERE customer_id = ?", CUSTOMER, customerId)
                .stream().findFirst();
    }

    @Override
    public Optional<PartnerCustomer> byReference(String partnerId, String partnerCustomerRef) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lending_customer WHERE partner_id = ? AND partner_customer_ref = ?",
                CUSTOMER, partnerId, partnerCustomerRef).stream().findFirst();
    }

    @Override
    public boolean attachLoanAccount(String customerId, long loanAccountId) {
        return jdbc.update("UPDATE lending_customer SET loan_account_id = ? WHERE customer_id = ?"
                + " AND loan_account_id IS NULL", loanAccountId, customerId) == 1;
    }
}
