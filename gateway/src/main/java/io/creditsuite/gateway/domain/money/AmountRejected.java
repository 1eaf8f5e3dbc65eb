package io.creditsuite.gateway.domain.money;

/**
 * An amount or currency a partner sent that the suite will not interpret. The edge maps {@link Reason#MALFORMED}
 * to {@code CS-6011 AMOUNT_MALFORMED} and {@link Reason#CURRENCY_UNKNOWN} to {@code CS-6012 CURRENCY_UNKNOWN}.
 * The detail names the rule that failed, never the rejected text (it may be hostile: newlines, megabytes).
 */
public class AmountRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason { MALFORMED, CURRENCY_UNKNOWN }

    private final Reason reason;

    public AmountRejected(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
