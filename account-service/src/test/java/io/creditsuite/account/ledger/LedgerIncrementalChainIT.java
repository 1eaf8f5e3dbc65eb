package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.ChainReport;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The incremental chain walk BCP's full check uses: from an entry verified before (its version and hash), only the
 * entries after it are walked; a change to them or to the verified entry itself is named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LedgerIncrementalChainIT extends LedgerItSupport {

    @Test
    void only_the_entries_after_the_verified_one_are_walked_and_a_change_there_is_named() {
        AccountView clearing = openAsset();
        AccountView customer = openCustomer();
        recharge(clearing.accountId(), customer.accountId(), 100);
        recharge(clearing.accountId(), customer.accountId(), 200);
        Map<String, Object> checkpoint = jdbc.queryForMap("SELECT version, last_hash FROM account WHERE id = ?",
                customer.accountId());
        long version = ((Number) checkpoint.get("version")).longValue();
        String hash = (String) checkpoint.get("last_hash");
        recharge(clearing.accountId(), customer.accountId(), 300);
        recharge(clearing.accountId(), customer.accountId(), 400);

        ChainReport intact = ledger.verifyChainAfter(customer.accountId(), version, hash);
        assertThat(intact.intact()).isTrue();
        assertThat(intact.entriesChecked()).isEqualTo(1 + 2); // the verified entry and the two after it
        assertThat(ledger.verifyChainAfter(customer.accountId(), 0, null).entriesChecked())
                .isEqualTo(ledger.verifyChain(customer.accountId()).entriesChecked());

        long after = jdbc.queryForObject("SELECT id FROM journal_entry WHERE account_id = ? AND version = ?", Long.class,
                customer.accountId(), version + 1);
        jdbc.update("UPDATE journal_entry SET amount_minor = amount_minor + 1 WHERE id = ?", after);
        ChainReport broken = ledger.verifyChainAfter(customer.accountId(), version, hash);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenEntryId()).isEqualTo(after);
        jdbc.update("UPDATE journal_entry SET amount_minor = amount_minor - 1 WHERE id = ?", after);

        long verified = jdbc.queryForObject("SELECT id FROM journal_entry WHERE account_id = ? AND version = ?",
                Long.class, customer.accountId(), version);
        jdbc.update("UPDATE journal_entry SET trace_id = 'x' WHERE id = ?", verified);
        ChainReport changedCheckpoint = ledger.verifyChainAfter(customer.accountId(), version, hash);
        assertThat(changedCheckpoint.intact()).isFalse();
        assertThat(changedCheckpoint.brokenEntryId()).isEqualTo(verified);
        assertThat(ledger.verifyChainAfter(customer.accountId(), version, "0".repeat(64)).intact()).isFalse();
    }

    @Test
    void bad_input_is_refused() {
        AccountView customer = openCustomer();
        for (String hash : new String[] {null, "abc", "Z".repeat(64)}) {
            assertThatThrownBy(() -> ledger.verifyChainAfter(customer.accountId(), 1, hash))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
        assertThatThrownBy(() -> ledger.verifyChainAfter(customer.accountId(), -1, null))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
