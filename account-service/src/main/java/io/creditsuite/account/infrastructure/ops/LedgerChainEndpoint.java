package io.creditsuite.account.infrastructure.ops;

import io.creditsuite.account.application.LedgerQueries;
import io.creditsuite.account.domain.ChainVerifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.stereotype.Component;

/**
 * The chain verifier as an operator's command: {@code GET /actuator/ledgerchain/{accountId}}
 * walks the account's journal and names the first broken link (the same use case as
 * {@code LedgerService.verifyChain} over Dubbo).
 */
@Component
@Endpoint(id = "ledgerchain")
public class LedgerChainEndpoint {
    private final LedgerQueries queries;

    public LedgerChainEndpoint(LedgerQueries queries) {
        this.queries = queries;
    }

    @ReadOperation
    public Map<String, Object> verify(@Selector long accountId) {
        ChainVerifier.Verdict v = queries.verifyChain(accountId);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("accountId", accountId);
        report.put("intact", v.intact());
        report.put("entriesChecked", v.checked());
        report.put("brokenEntryId", v.brokenEntryId());
        report.put("brokenVersion", v.brokenVersion());
        report.put("brokenDetailId", v.brokenDetailId());
        report.put("reason", v.reason());
        return report;
    }
}
