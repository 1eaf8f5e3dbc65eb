package io.creditsuite.api.account;

/**
 * How postings reach an account (热点账户 hot-account techniques); see account-service's README.
 */
public enum HotMode {
    /** one transaction per posting, row lock on the account */
    NORMAL,
    /** summary posting (汇总记账): credits become detail rows, an aggregator folds them in batches */
    ADD_FREQUENT,
    /** the account is split into sub-accounts; debits choose one by hash and fall over */
    SUBTRACT_FREQUENT,
    /** sub-accounts, and credits to each sub-account are summary-posted */
    BOTH,
    /** buffered posting (缓冲记账): accepted into RocketMQ, applied asynchronously in order */
    BUFFERED
}
