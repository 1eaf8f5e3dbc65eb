package io.creditsuite.credit.application;

import io.creditsuite.api.credit.WarningKind;
import io.creditsuite.api.credit.WarningView;
import io.creditsuite.credit.domain.Balances;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the warning scan reads, and the warning records (an outbox for their events). */
public interface WarningStore {
    /** A node of an ACTIVE line, with its line's holder. */
    record ActiveNode(long nodeId, String lineId, String holderId, String currency, Balances balances) {
    }

    record LineTerm(String lineId, String holderId, String currency, Instant termEnd) {
    }

    /** A hold with repayments due by now: their sum, what RETURN flows took off it, and what is still used. */
    record DueHold(String holdId, String lineId, String holderId, String currency, long dueMinor, long returnedMinor,
                   long outstandingMinor) {
    }

    record BusinessTypeExposure(String businessType, String currency, long exposureMinor, long capMinor) {
    }

    record Due(String requestId, String holdId, Instant dueAt, long amountMinor, String currency, String bodyHash) {
    }

    List<ActiveNode> activeNodes();

    List<LineTerm> lineTerms();

    List<DueHold> dueHolds(Instant now);

    /** Only business types that have a cap. */
    List<BusinessTypeExposure> cappedBusinessTypes();

    /** Inserts the warnings whose keys are new; returns those. */
    List<WarningView> insertNew(List<WarningView> warnings);

    List<WarningView> unpublished(int max);

    void markPublished(String warningKey, Instant at);

    List<WarningView> query(WarningKind kind, String customerId, Instant from, Instant to, int limit);

    Optional<Due> due(String requestId);

    void insertDue(Due due, Instant at);

    void upsertCap(String businessType, String currency, long capMinor, Instant at);
}
