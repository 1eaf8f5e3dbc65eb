package io.creditsuite.api.approval;

/** The identity numbers the blacklist matches exactly. */
public enum IdentityType {
    /** 居民身份证 resident identity card (18 characters). */
    ID_CARD,
    /** 统一社会信用代码 unified social credit code of an organisation (18 characters). */
    USCC
}
