package io.creditsuite.credit.domain;

/** What an edge child -> parent of the limit DAG means. */
public enum EdgeKind {
    /** A use of the child also uses the parent: the parent is on every path through the child. */
    USAGE,
    /** The child's limit is carved out of the parent's at grant time: sum(children's fixed) <= parent's limit; uses stop at the child. */
    GRANT
}
