package io.creditsuite.account.domain;

/**
 * An operator's request to change an account's status. Guarantees: request id matches
 * {@code [A-Za-z0-9._:-]{1,64}}, operator 1..64 characters, reason 1..256 characters, neither with a control
 * character (they are audited and logged: a CR LF would forge a line).
 */
public record StatusChange(String requestId, long accountId, StatusAction action, String operator, String reason) {
    public StatusChange {
        if (requestId == null || !requestId.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "request id '" + requestId
                    + "' must match [A-Za-z0-9._:-]{1,64}");
        }
        if (action == null) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "a status change needs an action");
        }
        if (operator == null || operator.isBlank() || operator.length() > 64 || hasControl(operator)) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "operator must be 1..64 characters, no control characters");
        }
        if (reason == null || reason.isBlank() || reason.length() > 256 || hasControl(reason)) {
            throw new LedgerException(LedgerError.INVALID_ARGUMENT, "reason must be 1..256 characters, no control characters");
        }
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** Whether a stored change answers this request (a retry) rather than conflicting with it. */
    public boolean sameBody(StatusChangeRecord stored) {
        return stored.accountId() == accountId && stored.action() == action && stored.operator().equals(operator)
                && stored.reason().equals(reason);
    }
}
