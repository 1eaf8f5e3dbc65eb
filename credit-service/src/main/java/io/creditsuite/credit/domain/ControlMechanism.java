package io.creditsuite.credit.domain;

/**
 * The three control mechanisms (控信机制). They decide what a line's link to a shared parent node
 * means, see {@link EdgeKind}.
 */
public enum ControlMechanism {
    /** 控制用信: usage is controlled; a use occupies the shared parent (e.g. an upstream's guarantee). */
    CONTROL_USAGE(EdgeKind.USAGE),
    /** 控制授信, 通用额度: the grant is controlled against a general limit; sum(children's limits) <= parent's limit. */
    CONTROL_GRANT_GENERAL(EdgeKind.GRANT),
    /** 控制授信, 专项额度: the grant is controlled against a special (dedicated) limit, same rule as general. */
    CONTROL_GRANT_SPECIAL(EdgeKind.GRANT);

    private final EdgeKind parentEdge;

    ControlMechanism(EdgeKind parentEdge) {
        this.parentEdge = parentEdge;
    }

    /** The kind of edge from a line of this mechanism to the shared node it hangs under. */
    public EdgeKind parentEdge() {
        return parentEdge;
    }
}
