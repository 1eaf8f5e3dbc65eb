package io.creditsuite.api.credit;

import java.io.Serializable;

/**
 * One warning. {@code warningKey} (kind, subject and UTC day) is unique: a condition that lasts is warned once a
 * day. {@code subject} is the node id, line id, hold id or business type; {@code amountMinor} the available, overdue
 * or over-cap amount (0 for line terms). The same record is the RocketMQ message body. {@code kind} is a
 * {@link WarningKind} name: hessian-lite cannot read a record field that back-references an enum repeated in one
 * message (a list of warnings).
 */
public record WarningView(String warningKey, String kind, String subject, String customerId, String lineId,
                          String currency, long amountMinor, String detail, long raisedAtEpochMillis)
        implements Serializable {
    public static final String TOPIC = "credit-warning";
}
