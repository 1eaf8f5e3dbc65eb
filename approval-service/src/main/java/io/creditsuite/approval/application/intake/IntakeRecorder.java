package io.creditsuite.approval.application.intake;

import io.creditsuite.approval.application.grant.DecisionEvents;
import io.creditsuite.approval.application.review.ReviewTasks;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.application.ApplicationState;
import io.creditsuite.approval.domain.application.CreditApplication;
import io.creditsuite.approval.domain.application.HistoryEntry;
import io.creditsuite.approval.domain.check.CheckReport;
import java.time.Instant;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a checked application in one local transaction: its row and check report, its first history lines, the
 * review chain's first task (or its rejection event). Nothing remote happens inside.
 */
public class IntakeRecorder {
    private final ApplicationRepository repository;
    private final ReviewTasks reviewTasks;
    private final DecisionEvents events;

    public IntakeRecorder(ApplicationRepository repository, ReviewTasks reviewTasks, DecisionEvents events) {
        this.repository = repository;
        this.reviewTasks = reviewTasks;
        this.events = events;
    }

    /** @return false when the partner's application id was taken meanwhile (nothing written) */
    @Transactional
    public boolean store(ApplicationRecord record) {
        if (!repository.insert(record)) {
            return false;
        }
        CreditApplication application = record.application();
        CheckReport report = record.checks();
        String applicationId = application.facts().applicationId();
        Instant at = record.submittedAt();
        repository.appendHistory(applicationId, new HistoryEntry(at, HistoryEntry.SYSTEM, null, "SUBMITTED", null,
                null, null, null, ApplicationState.SUBMITTED));
        repository.appendHistory(applicationId, new HistoryEntry(at, HistoryEntry.SYSTEM,
                application.step().orElse(null), "CHECKED:" + report.route(), null, report.reasonCode(), "score "
                + report.score() + " (rules " + report.rulesVersion() + ", scorecard " + report.scorecardVersion()
                + ")", ApplicationState.SUBMITTED, application.state()));
        application.step().ifPresent(step -> reviewTasks.start(applicationId, step));
        if (application.state() == ApplicationState.REJECTED) {
            events.decided(record, 1, at);
        }
        return true;
    }
}
