package io.creditsuite.api.account;

import java.io.Serializable;

/**
 * An account's balance (available + frozen) at the end of a closed accounting date.
 *
 * @param flowMinor the day's signed change: {@code balance = previous day's balance + flow}
 * @param entries   journal entries of that date
 */
public record EndOfDayBalanceView(long accountId, String accountingDate, String currency, long balanceMinor,
                                  long flowMinor, long entries) implements Serializable {
}
