package io.creditsuite.account.domain;

import java.util.List;
import java.util.Optional;

/** Port: the audit trail of status changes; its unique request id makes a change apply once. */
public interface StatusChangeLog {
    Optional<StatusChangeRecord> find(String requestId);

    /** Stores the change, stamped with the time it commits; returns it as stored. */
    StatusChangeRecord append(StatusChangeRecord change);

    /** Oldest first. */
    List<StatusChangeRecord> history(long accountId);
}
