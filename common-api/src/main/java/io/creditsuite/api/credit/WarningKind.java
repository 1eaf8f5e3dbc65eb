package io.creditsuite.api.credit;

/** The warnings (预警) a scan raises. */
public enum WarningKind {
    /** 额度不足: a node's available limit is below the configured share of its limit. */
    AVAILABLE_LOW,
    /** 额度到期: a line's term ends within the configured number of days. */
    LINE_EXPIRING,
    /** a line's term has ended. */
    LINE_EXPIRED,
    /** 逾期: repayments due on a hold by now exceed what was returned on it. */
    OVERDUE,
    /** 超业务限额: used + frozen of a business type over all lines exceeds its cap. */
    BUSINESS_TYPE_OVER_CAP
}
