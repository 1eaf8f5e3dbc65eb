package io.creditsuite.account.infrastructure.persistence;

import io.creditsuite.account.domain.Transfer;
import io.creditsuite.account.domain.TransferRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTransferRepository implements TransferRepository {
    private static final String COLUMNS = "transfer_id, direction, account_id, contra_account_id, amount_minor, currency, phase, xid,"
            + " reservation";
    private final JdbcTemplate jdbc;

    JdbcTransferRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertTried(Transfer t) {
        try {
            jdbc.update("INSERT INTO tcc_transfer (transfer_id, direction, account_id, contra_account_id, amount_minor,"
                            + " currency, phase, xid, reservation) VALUES (?, ?, ?, ?, ?, ?, 'TRIED', ?, ?)", t.transferId(),
                    t.direction().name(), t.accountId(), t.contraAccountId(), t.amountMinor(), t.currency(), t.xid(),
                    t.reservation().name());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Transfer> lock(String transferId, Transfer.Direction direction) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tcc_transfer WHERE transfer_id = ? AND direction = ? FOR UPDATE",
                JdbcTransferRepository::map, transferId, direction.name()).stream().findFirst();
    }

    @Override
    public Optional<Transfer> find(String transferId, Transfer.Direction direction) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tcc_transfer WHERE transfer_id = ? AND direction = ?",
                JdbcTransferRepository::map, transferId, direction.name()).stream().findFirst();
    }

    @Override
    public void changePhase(Transfer t, Transfer.Phase from) {
        int updated = jdbc.update("UPDATE tcc_transfer SET phase = ? WHERE transfer_id = ? AND direction = ? AND phase = ?",
                t.phase().name(), t.transferId(), t.direction().name(), from.name());
        if (updated != 1) {
            throw new IllegalStateException("transfer " + t.transferId() + " " + t.direction() + " left " + from + " meanwhile");
        }
    }

    static Transfer map(ResultSet rs, int row) throws SQLException {
        return new Transfer(rs.getString("transfer_id"), Transfer.Direction.valueOf(rs.getString("direction")),
                rs.getLong("account_id"), rs.getLong("contra_account_id"), rs.getLong("amount_minor"),
                rs.getString("currency"), Transfer.Phase.valueOf(rs.getString("phase")), rs.getString("xid"),
                Transfer.Reservation.valueOf(rs.getString("reservation")));
    }
}
