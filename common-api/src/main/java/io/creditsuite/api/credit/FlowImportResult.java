package io.creditsuite.api.credit;

import java.io.Serializable;

/** What an import wrote: flows, entries and the nodes whose balances it rebuilt. */
public record FlowImportResult(String requestId, int flowCount, int entryCount, int nodeCount) implements Serializable {
}
