package io.creditsuite.account.application.fakes;

import io.creditsuite.account.domain.Transfer;
import io.creditsuite.account.domain.TransferEvents;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Keeps the transfer facts the handler told, as text: {@code CONFIRMED <id> <dir> <amount> <date>}. */
public final class RecordingTransferEvents implements TransferEvents {
    public final List<String> events = new ArrayList<>();

    @Override
    public synchronized void confirmed(Transfer confirmed, LocalDate accountingDate, String traceId) {
        events.add("CONFIRMED " + confirmed.transferId() + " " + confirmed.direction() + " " + confirmed.amountMinor()
                + " " + accountingDate);
    }

    @Override
    public synchronized void cancelled(Transfer cancelled, LocalDate accountingDate) {
        events.add("CANCELLED " + cancelled.transferId() + " " + cancelled.direction() + " " + cancelled.amountMinor()
                + " " + accountingDate);
    }
}
