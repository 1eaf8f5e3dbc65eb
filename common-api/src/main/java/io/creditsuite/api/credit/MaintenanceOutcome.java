package io.creditsuite.api.credit;

/** APPLIED now, or waiting for a second person's approval (maker-checker). */
public enum MaintenanceOutcome { APPLIED, PENDING_APPROVAL, REJECTED }
