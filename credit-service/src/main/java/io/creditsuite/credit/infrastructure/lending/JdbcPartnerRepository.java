package io.creditsuite.credit.infrastructure.lending;

import io.creditsuite.credit.domain.lending.LendingPartner;
import io.creditsuite.credit.domain.lending.PartnerRepository;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** {@code lending_partner}. */
@Component
public class JdbcPartnerRepository implements PartnerRepository {
    private static final RowMapper<LendingPartner> PARTNER = (rs, n) -> new LendingPartner(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getTimestamp(6).toInstant());

    private final JdbcTemplate jdbc;

    public JdbcPartnerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(LendingPartner p) {
        try {
            jdbc.update("INSERT INTO lending_partner (partner_id, name, currency, funding_account_id,"
                            + " interest_income_account_id, registered_at) VALUES (?, ?, ?, ?, ?, ?)", p.partnerId(),
                    p.name(), p.currency(), p.fundingAccountId(), p.interestIncomeAccountId(),
                    Timestamp.from(p.registeredAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<LendingPartner> byId(String partnerId) {
        return jdbc.query("SELECT partner_id, name, currency, funding_account_id, interest_income_account_id,"
                + " registered_at FROM lending_partner WHERE partner_id = ?", PARTNER, partnerId).stream().findFirst();
    }
}
