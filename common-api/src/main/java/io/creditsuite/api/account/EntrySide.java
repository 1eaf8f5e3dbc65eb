package io.creditsuite.api.account;

/** The side of a double-entry leg (借 debit / 贷 credit). On the wire as its name (see {@link LegRequest}). */
public enum EntrySide {
    DEBIT, CREDIT;

    /** The side named {@code name}, or null when it names none. */
    public static EntrySide parse(String name) {
        for (EntrySide side : values()) {
            if (side.name().equals(name)) {
                return side;
            }
        }
        return null;
    }
}
