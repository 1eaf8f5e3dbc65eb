package io.creditsuite.approval.application.review;

import io.creditsuite.approval.domain.application.ApplicationFacts;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.application.ReviewProgress;
import io.creditsuite.approval.domain.application.SlaPolicy;
import java.time.Clock;
import java.util.List;

/** What the desk shows: an open task as a queue line, an application with its checks and history. */
final class ReviewDossiers {
    private final ApplicationRepository applications;
    private final ReviewTasks tasks;
    private final SlaPolicy sla;
    private final Clock clock;

    ReviewDossiers(ApplicationRepository applications, ReviewTasks tasks, SlaPolicy sla, Clock clock) {
        this.applications = applications;
        this.tasks = tasks;
        this.sla = sla;
        this.clock = clock;
    }

    ReviewTaskView taskView(ReviewTasks.OpenTask task) {
        return taskView(task, applications.byId(task.applicationId()).orElseThrow());
    }

    /** The task with its SLA: due at creation + the stage's limit, PENDING before it and VIOLATED from it. */
    ReviewTaskView taskView(ReviewTasks.OpenTask task, ApplicationRecord r) {
        ApplicationFacts f = r.application().facts();
        long bound = r.application().step().filter(s -> s == task.step()).map(s -> r.application().currentBoundMinor())
                .orElse(f.requestedMinor());
        return new ReviewTaskView(task.taskId(), f.applicationId(), task.step().name(), r.applicant().name(),
                f.productLine(), f.currency(), f.requestedMinor(), bound, task.assignee(), task.createdAt(),
                sla.dueAt(task.step(), task.createdAt()),
                sla.openState(task.step(), task.createdAt(), clock.instant()).name());
    }

    ApplicationDossier dossier(ApplicationRecord r) {
        ApplicationFacts f = r.application().facts();
        ReviewProgress p = r.application().progress();
        Long approved = p.latestApprovedMinor();
        List<HistoryLine> history = applications.history(f.applicationId()).stream().map(h -> new HistoryLine(h.at(),
                h.actor(), h.stage() == null ? null : h.stage().name(), h.action(), h.approvedMinor(), h.reasonCode(),
                h.comment())).toList();
        ReviewTaskView open = tasks.openTaskOf(f.applicationId()).map(t -> taskView(t, r)).orElse(null);
        return new ApplicationDossier(f.applicationId(), f.partnerId(), f.customerId(), r.applicant().name(),
                r.applicant().identityType(), masked(r.applicant().identityNumber()), f.regionPath(), f.productLine(),
                f.currency(), f.requestedMinor(), approved, f.termMonths(), p.state().name(), r.checks().route().name(),
                r.checks().score(), r.checks().rulesVersion(), r.checks().scorecardVersion(), r.checks().findings(),
                history, open);
    }

    /** The first 4 and last 2 characters: enough to compare with a document, not enough to misuse. */
    static String masked(String identityNumber) {
        if (identityNumber == null || identityNumber.length() < 8) {
            return "****";
        }
        return identityNumber.substring(0, 4) + "*".repeat(identityNumber.length() - 6)
                + identityNumber.substring(identityNumber.length() - 2);
    }
}
