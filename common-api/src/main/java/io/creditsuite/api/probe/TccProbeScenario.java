package io.creditsuite.api.probe;

/** What the TCC probe makes happen to its global transaction. */
public enum TccProbeScenario {
    /** Both tries succeed and the global transaction commits: both confirms run. */
    COMMIT,
    /** Both tries succeed, then the initiator rolls back: both cancels run. */
    ROLLBACK,
    /**
     * account-service's try fails after its branch is registered, so its local transaction
     * (fence row included) rolls back: the cancel that follows finds no try and is an empty
     * rollback.
     */
    FAIL_ACCOUNT_TRY,
    /**
     * account-service's try is held until the global transaction has rolled back: the cancel
     * arrives first (empty rollback) and the try, arriving late, is refused.
     */
    LATE_ACCOUNT_TRY
}
