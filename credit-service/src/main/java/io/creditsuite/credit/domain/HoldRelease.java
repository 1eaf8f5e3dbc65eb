package io.creditsuite.credit.domain;

/** Who releases what is still frozen in a hold (解冻): each has its own rule in {@link HoldGuard}. */
public enum HoldRelease {
    /** A caller's release of its own hold. */
    CALLER("release of the hold", FlowType.UNFREEZE),
    /** The cancel (phase two) of the TCC try that opened the hold. */
    TCC_CANCEL("cancel of the TCC try", FlowType.UNFREEZE),
    /** The system's release of an expired hold (the expiry sweeper). */
    EXPIRY("expiry release of the hold", FlowType.EXPIRE);

    private final String describedAs;
    private final FlowType flowType;

    HoldRelease(String describedAs, FlowType flowType) {
        this.describedAs = describedAs;
        this.flowType = flowType;
    }

    public String describedAs() {
        return describedAs;
    }

    public FlowType flowType() {
        return flowType;
    }
}
