package io.creditsuite.credit.infrastructure.lending;

import java.sql.Timestamp;
import java.time.Instant;

final class Rows {
    private Rows() {
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
