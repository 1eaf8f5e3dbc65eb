package io.creditsuite.account.application.fakes;

import io.creditsuite.account.domain.LedgerEvents;
import io.creditsuite.account.domain.PostingMode;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the ledger told the outside world, as text. */
public final class RecordingLedgerEvents implements LedgerEvents {
    public final List<String> events = new ArrayList<>();

    @Override
    public synchronized void subAccountLow(long parentId, long subAccountId, long availableMinor, long collectedMinor) {
        events.add("subAccountLow " + parentId + "/" + subAccountId + " collected " + collectedMinor);
    }

    @Override
    public synchronized void hotModeSwitched(long accountId, PostingMode from, PostingMode to, String why) {
        events.add("hotModeChanged " + accountId + " " + from + "->" + to);
    }

    @Override
    public synchronized void hotModeProposed(long accountId, PostingMode from, PostingMode to, String why) {
        events.add("hotModeChanged " + accountId + " " + from + "->" + to + " (proposed)");
    }
}
