package io.creditsuite.reconcile.infrastructure.full;

import io.creditsuite.api.account.ChainReport;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.reconcile.application.full.ChainVerifications;

/** The ledger's incremental chain walk over Dubbo ({@code LedgerService.verifyChainAfter}). */
public class DubboChainVerifications implements ChainVerifications {
    private final LedgerService ledger;

    public DubboChainVerifications(LedgerService ledger) {
        this.ledger = ledger;
    }

    @Override
    public Verdict verifyAfter(long accountId, long verifiedVersion, String verifiedHash) {
        ChainReport report = ledger.verifyChainAfter(accountId, verifiedVersion, verifiedHash);
        return new Verdict(report.intact(), report.entriesChecked(), report.brokenEntryId(), report.reason());
    }
}
