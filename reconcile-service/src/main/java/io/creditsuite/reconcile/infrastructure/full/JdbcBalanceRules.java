package io.creditsuite.reconcile.infrastructure.full;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.reconcile.application.full.BalanceRules;
import io.creditsuite.reconcile.domain.check.BalanceEquation;
import io.creditsuite.reconcile.domain.check.BalanceRule;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code bcp_balance_rule}: of each rule id the highest version, when it is enabled; read at each use (no deploy). */
public class JdbcBalanceRules implements BalanceRules {
    private static final TypeReference<Map<String, Long>> TERMS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public JdbcBalanceRules(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<BalanceRule> inForce(String pass) {
        return jdbc.query("SELECT r.rule_id, r.version, r.pass, r.terms_json, r.tolerance_minor, r.severity, r.owner_team,"
                        + " r.description FROM bcp_balance_rule r WHERE r.pass = ? AND r.enabled = 1 AND r.version ="
                        + " (SELECT MAX(v.version) FROM bcp_balance_rule v WHERE v.rule_id = r.rule_id) ORDER BY r.rule_id",
                (rs, i) -> new BalanceRule(rs.getString(1), rs.getInt(2), rs.getString(3),
                        new BalanceEquation(terms(json, rs.getString(4)), rs.getLong(5)), rs.getString(6), rs.getString(7),
                        rs.getString(8)), pass);
    }

    /** A rule's {@code terms_json}: balance name -> coefficient. */
    static Map<String, Long> terms(ObjectMapper json, String text) {
        try {
            return json.readValue(text, TERMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bcp_balance_rule terms are not a JSON object of coefficients: " + text, e);
        }
    }
}
