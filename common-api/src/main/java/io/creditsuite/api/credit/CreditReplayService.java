package io.creditsuite.api.credit;

import io.creditsuite.api.error.ApiException;

/**
 * Replay of the flow log (流水回放, event sourcing): every node rebuilt from its flows in time order, compared
 * with its stored balances; an audited correction; the import of historical flows from CSV (the migration path).
 */
public interface CreditReplayService {
    /** Rebuilds every node from the flow log in one snapshot and lists the nodes whose stored balances differ. */
    ReplayReport replay() throws ApiException;

    /** Sets the named nodes' stored balances to what their flows give, with one audit record per changed node. */
    CorrectionResult correct(CorrectionRequest request) throws ApiException;

    /** Imports historical flows (all or nothing); the touched nodes' balances are rebuilt from the merged log. */
    FlowImportResult importFlows(FlowImportRequest request) throws ApiException;
}
