package io.creditsuite.credit.domain;

/**
 * The flow record's own fields (流水模型): both parties, the amount split into its cash part and the credit
 * part that occupies the limit, and the trace id of the request. The time is the writer's.
 */
public record FlowHeader(String lineId, String fromCustomerId, String toCustomerId, String currency, long cashMinor,
                         long creditMinor, String traceId) {
}
