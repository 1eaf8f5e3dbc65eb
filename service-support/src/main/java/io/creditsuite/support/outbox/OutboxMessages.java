package io.creditsuite.support.outbox;

/** The checks every outbox message passes before it is stored: the column limits of {@code outbox_event}. */
final class OutboxMessages {
    /** The width of {@code mq_consumed.business_key}. */
    static final int DEDUPE_KEY_MAX = 128;

    private OutboxMessages() {
    }

    static void validate(OutboxMessage m) {
        if (m == null) {
            throw new IllegalArgumentException("an outbox message is required");
        }
        require(m.topic(), 64, "topic");
        require(m.eventType(), 64, "eventType");
        require(m.businessKey(), 128, "businessKey");
        if (dedupeKey(m.eventType(), m.businessKey()).length() > DEDUPE_KEY_MAX) {
            throw new IllegalArgumentException("eventType:businessKey must fit " + DEDUPE_KEY_MAX + " characters (a"
                    + " consumer's dedupe key, mq_consumed.business_key), got " + dedupeKey(m.eventType(), m.businessKey()));
        }
        require(m.orderingKey(), 128, "orderingKey");
        if (m.schemaVersion() < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, got " + m.schemaVersion());
        }
        if (m.payloadJson() == null || !m.payloadJson().startsWith("{")) {
            throw new IllegalArgumentException("payloadJson must be a JSON object");
        }
        if (m.traceId() != null && m.traceId().length() > 64) {
            throw new IllegalArgumentException("traceId is longer than 64");
        }
    }

    /** What a consumer dedupes on: the pair unique in the outbox, as one string (see ConsumeOnce). */
    static String dedupeKey(String eventType, String businessKey) {
        return eventType + ":" + businessKey;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void require(String value, int max, String name) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must have 1.." + max + " characters, got '" + value + "'");
        }
    }
}
