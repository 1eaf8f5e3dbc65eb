package io.creditsuite.credit.domain;

/** The levels of a line's part of the limit DAG (额度控制层面): limit type, business type, product. */
public enum NodeLevel {
    LIMIT_TYPE, BUSINESS_TYPE, PRODUCT
}
