package io.creditsuite.credit.domain;

/**
 * The four limit types (额度类型); each has its own data, its own approval and one control mechanism.
 */
public enum LimitType {
    /** 担保额度: an upstream's guarantee. Splitting it off to downstreams does not occupy it; a downstream's use does. */
    GUARANTEE(ControlMechanism.CONTROL_USAGE),
    /** 厂商赊销额度: a cap on a downstream; its actual use occupies the upstream's guarantee. */
    VENDOR_CREDIT_SALE(ControlMechanism.CONTROL_USAGE),
    /** 下游自用额度: used by a downstream in its own name; granted against a general limit. */
    DOWNSTREAM_SELF_USE(ControlMechanism.CONTROL_GRANT_GENERAL),
    /** 上游自用额度: used by an upstream in its own name; granted against a special limit. */
    UPSTREAM_SELF_USE(ControlMechanism.CONTROL_GRANT_SPECIAL);

    private final ControlMechanism mechanism;

    LimitType(ControlMechanism mechanism) {
        this.mechanism = mechanism;
    }

    public ControlMechanism mechanism() {
        return mechanism;
    }
}
