package io.creditsuite.approval.domain.application;

import java.util.Optional;

/** Where applications are kept. Every write happens inside the caller's transaction. */
public interface ApplicationRepository {
    /** @return false when the partner's application id is already taken (nothing written) */
    boolean insert(ApplicationRecord record);

    Optional<ApplicationRecord> byId(String applicationId);

    /**
     * Many applications at once, by id, for queues and sweeps: a few queries however many ids, and their check
     * reports carry no findings (use {@link #byId} for a dossier). Unknown ids are absent from the map.
     */
    java.util.Map<String, ApplicationRecord> summariesByIds(java.util.Collection<String> applicationIds);

    Optional<ApplicationRecord> byPartnerApplicationId(String partnerId, String partnerApplicationId);

    /**
     * Stores the aggregate's progress and {@code decidedAt} if the row is still at {@code record.version()}.
     *
     * @return false when someone else changed it first (nothing written)
     */
    boolean update(ApplicationRecord record);

    void appendHistory(String applicationId, HistoryEntry entry);

    /** Up to {@code limit} applications waiting for their grant (GRANTING), oldest first. */
    java.util.List<ApplicationRecord> granting(int limit);

    /** The application's history, oldest first. */
    java.util.List<HistoryEntry> history(String applicationId);

    /** Whether the application's history has a line with this action (idempotent partner actions). */
    boolean hasHistory(String applicationId, String action);
}
