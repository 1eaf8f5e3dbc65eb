package io.creditsuite.reconcile.application.full;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The balances people may name are the ones the passes measure: every rule the migrations seed names only those. */
class PassBalancesTest {
    private static final Pattern SEEDED = Pattern.compile("\\('(F-[A-Z-]+)', \\d+, '([A-Z_]+)', '\\{([^}]*)\\}'");
    private static final Pattern TERM = Pattern.compile("\"([A-Za-z]+)\":-?\\d+");

    @Test
    void every_seeded_rule_of_an_administrable_pass_names_only_balances_its_pass_measures() throws IOException {
        List<String> checked = new ArrayList<>();
        for (String migration : List.of("V8__bcp_full_check.sql", "V9__bcp_chain_checkpoint.sql")) {
            Matcher rule = SEEDED.matcher(migration(migration));
            while (rule.find()) {
                if (!PassBalances.passes().contains(rule.group(2))) {
                    checked.add(rule.group(1) + " not administrable");
                    continue;
                }
                Matcher term = TERM.matcher(rule.group(3));
                while (term.find()) {
                    assertThat(PassBalances.of(rule.group(2))).as(rule.group(1)).contains(term.group(1));
                }
                checked.add(rule.group(1));
            }
        }
        assertThat(checked).containsExactly("F-LEDGER-TOTALS", "F-EOD-BALANCE", "F-NODE-REPLAY",
                "F-CUSTOMER-USED-LEDGER", "F-CUSTOMER-LOANS-LEDGER", "F-CUSTOMER-FROZEN", "F-CHAIN-INTACT not administrable");
    }

    @Test
    void each_pass_lists_what_it_measures() {
        assertThat(PassBalances.passes()).containsExactly("LEDGER_TOTALS", "END_OF_DAY", "LIMIT_NODES", "CUSTOMERS");
        assertThat(PassBalances.of("LEDGER_TOTALS")).containsExactly("credits", "debits");
        assertThat(PassBalances.of("END_OF_DAY")).containsExactly("endOfDay", "flows", "previousEndOfDay");
        assertThat(PassBalances.of("LIMIT_NODES")).containsExactly("replayed", "stored");
        assertThat(PassBalances.of("CUSTOMERS")).containsExactly("creditUsed", "holdsFrozen", "leafFrozen",
                "ledgerPrincipal", "loanPrincipal");
        assertThat(PassBalances.of("CHAINS")).isEmpty();
        assertThat(PassBalances.of(null)).isEmpty();
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = PassBalancesTest.class.getResourceAsStream("/db/reconcile/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
