package io.creditsuite.api.credit;

/**
 * How a report groups. LIMIT_TYPE and CUSTOMER read the lines' limit-type nodes (a shared guarantee node is the
 * guarantee line's own: a downstream's use shows both under its vendor line and under the upstream's guarantee);
 * BUSINESS_TYPE reads the business-type nodes.
 */
public enum ReportDimension {
    LIMIT_TYPE, BUSINESS_TYPE, CUSTOMER
}
