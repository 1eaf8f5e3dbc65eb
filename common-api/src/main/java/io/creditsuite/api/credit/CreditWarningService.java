package io.creditsuite.api.credit;

import io.creditsuite.api.error.ApiException;
import java.util.List;

/**
 * 预警: warnings raised by a scan (scheduled, or on demand here), kept as records and published on RocketMQ topic
 * {@value WarningView#TOPIC} with KEYS = the warning's key.
 */
public interface CreditWarningService {
    WarningScanResult scan() throws ApiException;

    /** A repayment due on a hold; an unpaid due after its date raises OVERDUE. Idempotent by request id. */
    void recordRepaymentDue(RepaymentDueRequest request) throws ApiException;

    /** The cap of used + frozen over all business-type nodes of a business type in a currency. */
    void setBusinessTypeCap(BusinessTypeCapRequest request) throws ApiException;

    List<WarningView> warnings(WarningQuery query) throws ApiException;
}
