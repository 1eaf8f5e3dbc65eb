package io.creditsuite.credit.domain;

/** What a flow (流水) did. Every change of a node's balances is exactly one flow with one entry per node. */
public enum FlowType {
    FREEZE, UNFREEZE, EXPIRE, USE, DISBURSE, RETURN,
    GRANT, ADJUST, CLEAR, RESTORE
}
