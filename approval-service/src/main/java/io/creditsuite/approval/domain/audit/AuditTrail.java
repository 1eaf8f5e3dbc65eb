package io.creditsuite.approval.domain.audit;

/**
 * The audit log of configuration changes (blacklist entries, rule sets, scorecards): who, when, what, and the state
 * before and after. Written in the transaction of the change, so a change and its audit line exist together.
 */
public interface AuditTrail {
    /**
     * @param before the entity before the change (null when created); serialised as JSON
     * @param after  the entity after the change (null when removed); serialised as JSON
     */
    void record(String actor, String entity, String entityId, String action, Object before, Object after);
}
