package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * The result of walking an account's journal chain.
 *
 * @param brokenEntryId the first entry that breaks the chain; null when intact
 * @param reason        what is wrong with it; null when intact
 */
public record ChainReport(long accountId, boolean intact, long entriesChecked, Long brokenEntryId,
                          Long brokenVersion, String reason) implements Serializable {
}
