package io.creditsuite.account.domain;

/** A refused day-end request; nothing was written. */
public class DayEndException extends RuntimeException {
    private final DayEndError error;

    public DayEndException(DayEndError error, String message) {
        super(message);
        this.error = error;
    }

    public DayEndError error() {
        return error;
    }
}
