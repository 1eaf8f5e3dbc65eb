package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * One leg of a posting: {@code amountMinor} in minor units (fen) of {@code currency}, on one side.
 *
 * @param side an {@link EntrySide} name, "DEBIT" or "CREDIT". A string, not the enum: hessian-lite
 *             writes an enum repeated in one message as a back-reference that its record reader
 *             cannot resolve (apache/dubbo-hessian-lite#80), and a posting repeats sides.
 */
public record LegRequest(long accountId, String side, long amountMinor, String currency) implements Serializable {

    public LegRequest(long accountId, EntrySide side, long amountMinor, String currency) {
        this(accountId, side == null ? null : side.name(), amountMinor, currency);
    }

    /** The side, or null when {@code side} names none. */
    public EntrySide entrySide() {
        return EntrySide.parse(side);
    }
}
