package io.creditsuite.approval.application.grant;

import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.application.ApplicationState;
import io.creditsuite.approval.domain.application.HistoryEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/** Records a granted line: GRANTED, its history line and its decision event in one local transaction. */
public class GrantRecorder {
    private final ApplicationRepository applications;
    private final DecisionEvents events;
    private final Clock clock;

    public GrantRecorder(ApplicationRepository applications, DecisionEvents events, Clock clock) {
        this.applications = applications;
        this.events = events;
        this.clock = clock;
    }

    /** @return false when the application was no longer GRANTING (another pass recorded it) */
    @Transactional
    public boolean granted(String applicationId, String lineId) {
        Optional<ApplicationRecord> found = applications.byId(applicationId)
                .filter(r -> r.application().state() == ApplicationState.GRANTING);
        if (found.isEmpty()) {
            return false;
        }
        ApplicationRecord r = found.get();
        r.application().granted(lineId);
        Instant now = clock.instant();
        ApplicationRecord changed = new ApplicationRecord(r.application(), r.applicant(), r.limitType(),
                r.callbackUrl(), r.bodyHash(), r.checks(), r.submittedAt(), now, r.version());
        if (!applications.update(changed)) {
            return false;
        }
        applications.appendHistory(applicationId, new HistoryEntry(now, HistoryEntry.SYSTEM, null,
                "GRANTED", r.application().grantMinor(), null, "line " + lineId, ApplicationState.GRANTING,
                ApplicationState.GRANTED));
        events.decided(changed, 1, now);
        return true;
    }

    /** Records credit-service's refusal: REJECTED, its history line and the decision event in one transaction. */
    @Transactional
    public boolean refused(String applicationId, String creditServiceCode, String message) {
        Optional<ApplicationRecord> found = applications.byId(applicationId)
                .filter(r -> r.application().state() == ApplicationState.GRANTING);
        if (found.isEmpty()) {
            return false;
        }
        ApplicationRecord r = found.get();
        r.application().grantRefused(creditServiceCode);
        Instant now = clock.instant();
        ApplicationRecord changed = new ApplicationRecord(r.application(), r.applicant(), r.limitType(),
                r.callbackUrl(), r.bodyHash(), r.checks(), r.submittedAt(), now, r.version());
        if (!applications.update(changed)) {
            return false;
        }
        String said = message.length() > 1900 ? message.substring(0, 1900) : message;
        applications.appendHistory(applicationId, new HistoryEntry(now, HistoryEntry.SYSTEM, null,
                "GRANT_REFUSED", null, r.application().reasonCode().orElse(null), said, ApplicationState.GRANTING,
                ApplicationState.REJECTED));
        events.decided(changed, 1, now);
        return true;
    }
}
