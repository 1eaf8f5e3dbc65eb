package io.creditsuite.approval.domain.staff;

/** Function permissions: what a staff member may do. A person may hold several roles. */
public enum StaffRole {
    /** Acts on first-review (初审) tasks. */
    FIRST_REVIEWER,
    /** Acts on final-review (终审) tasks. */
    FINAL_REVIEWER,
    /** Acts on recheck (复核) tasks. */
    RECHECKER,
    /** Sees the team's backlog, reassigns tasks, receives SLA escalations. */
    TEAM_LEAD,
    /** Edits blacklists, risk rules and scorecards (publishing new versions). */
    RULE_ADMIN,
    /** Reads applications, reports and the audit log; acts on nothing. */
    AUDITOR
}
