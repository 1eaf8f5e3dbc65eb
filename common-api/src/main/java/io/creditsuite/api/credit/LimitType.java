package io.creditsuite.api.credit;

/** 担保额度, 厂商赊销额度, 下游自用额度, 上游自用额度: see credit-service's README. */
public enum LimitType { GUARANTEE, VENDOR_CREDIT_SALE, DOWNSTREAM_SELF_USE, UPSTREAM_SELF_USE }
