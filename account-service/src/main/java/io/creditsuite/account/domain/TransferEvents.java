package io.creditsuite.account.domain;

import java.time.LocalDate;

/**
 * Port: the business facts of a TCC transfer branch, told inside the local transaction of its phase two, so that
 * {@code fact committed <=> event published} (the adapter writes an outbox row; docs/events.md,
 * LEDGER_TRANSFER_CONFIRMED / LEDGER_TRANSFER_CANCELLED). Called once per branch: a repeated phase two tells nothing.
 */
public interface TransferEvents {
    /** The branch's posting was written (voucher {@link Transfer#voucherNo()}) on {@code accountingDate}. */
    void confirmed(Transfer confirmed, LocalDate accountingDate, String traceId);

    /** The branch's reservations were released; nothing was posted. */
    void cancelled(Transfer cancelled, LocalDate accountingDate);
}
