package io.creditsuite.api.account;

import java.io.Serializable;
import java.util.List;

/** @param nextAfterVersion pass as {@code afterVersion} for the next page; null on the last page */
public record StatementPage(long accountId, List<JournalEntryView> entries, Long nextAfterVersion)
        implements Serializable {
}
