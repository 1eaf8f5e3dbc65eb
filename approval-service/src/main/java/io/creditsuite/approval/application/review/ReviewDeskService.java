package io.creditsuite.approval.application.review;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.grant.DecisionEvents;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.application.ApplicationState;
import io.creditsuite.approval.domain.application.CreditApplication;
import io.creditsuite.approval.domain.application.HistoryEntry;
import io.creditsuite.approval.domain.application.ReviewRefusedException;
import io.creditsuite.approval.domain.application.ReviewStep;
import io.creditsuite.approval.domain.application.SlaPolicy;
import io.creditsuite.approval.domain.staff.DataScopePolicy;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import io.creditsuite.approval.domain.staff.StaffRole;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review desk over the chain's tasks and the application aggregate: function permission by the stage's role,
 * data scope by {@link DataScopePolicy} (out of scope answers as unknown), four eyes and the amount bound by the
 * aggregate. An action, its history line and the task's completion commit together.
 */
public class ReviewDeskService implements ReviewDesk {
    private final ApplicationRepository applications;
    private final ReviewTasks tasks;
    private final StaffDirectory staffDirectory;
    private final ReviewDossiers dossiers;
    private final DecisionEvents events;
    private final Clock clock;

    public ReviewDeskService(ApplicationRepository applications, ReviewTasks tasks, StaffDirectory staffDirectory,
                             DecisionEvents events, SlaPolicy sla, Clock clock) {
        this.applications = applications;
        this.tasks = tasks;
        this.staffDirectory = staffDirectory;
        this.events = events;
        this.dossiers = new ReviewDossiers(applications, tasks, sla, clock);
        this.clock = clock;
    }

    /** The role that acts on a stage. */
    public static StaffRole roleOf(ReviewStep step) {
        return switch (step) {
            case FIRST_REVIEW -> StaffRole.FIRST_REVIEWER;
            case FINAL_REVIEW -> StaffRole.FINAL_REVIEWER;
            case RECHECK -> StaffRole.RECHECKER;
        };
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReviewTaskView> myTasks(Staff staff) {
        return inScope(staff, tasks.assignedTo(staff.username()).stream());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReviewTaskView> groupTasks(Staff staff) {
        List<ReviewStep> steps = Stream.of(ReviewStep.values()).filter(s -> staff.has(roleOf(s))).toList();
        return inScope(staff, tasks.unclaimed(steps).stream());
    }

    @Override
    @Transactional
    public ReviewTaskView claim(Staff staff, String taskId) {
        ReviewTasks.OpenTask task = visibleTask(staff, taskId).task();
        requireRole(staff, roleOf(task.step()));
        if (staff.username().equals(task.assignee())) {
            return dossiers.taskView(task);
        }
        if (task.assignee() != null || !tasks.claim(taskId, staff.username())) {
            throw new ApiException(ErrorCode.REVIEW_TASK_TAKEN, "task " + taskId + " is held by someone else");
        }
        return dossiers.taskView(tasks.task(taskId).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public ApplicationDossier open(Staff staff, String applicationId) {
        return dossiers.dossier(visibleApplication(staff, applicationId));
    }

    @Override
    @Transactional
    public ApplicationDossier act(Staff staff, ReviewActionCommand command) {
        if (command == null || command.decision() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "an action needs its task and decision");
        }
        if (command.comment() != null && command.comment().length() > 2000) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "comment must be at most 2000 characters");
        }
        VisibleTask visible = visibleTask(staff, command.taskId());
        ReviewTasks.OpenTask task = visible.task();
        requireRole(staff, roleOf(task.step()));
        if (!staff.username().equals(task.assignee())) {
            throw new ApiException(ErrorCode.REVIEW_TASK_TAKEN, "claim task " + task.taskId() + " before acting on it");
        }
        ApplicationRecord record = visible.application();
        CreditApplication application = record.application();
        ApplicationState before = application.state();
        try {
            application.act(staff.username(), task.step(), command.decision(), command.approvedMinor(),
                    command.reasonCode());
        } catch (ReviewRefusedException e) {
            throw new ApiException(ReviewRefusals.errorCode(e.refusal()), e.getMessage());
        }
        Instant now = clock.instant();
        ApplicationRecord changed = new ApplicationRecord(application, record.applicant(), record.limitType(),
                record.callbackUrl(), record.bodyHash(), record.checks(), record.submittedAt(),
                application.state().isFinal() ? now : null, record.version());
        if (!applications.update(changed)) {
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, "application " + task.applicationId()
                    + " changed meanwhile; reload it");
        }
        applications.appendHistory(task.applicationId(), new HistoryEntry(now, staff.username(), task.step(),
                command.decision().name(), command.approvedMinor(), command.reasonCode(), command.comment(), before,
                application.state()));
        tasks.complete(task.taskId(), application.state() == ApplicationState.IN_REVIEW ? application.step()
                : Optional.empty());
        if (application.state() == ApplicationState.REJECTED
                || application.state() == ApplicationState.MORE_INFO_REQUESTED) {
            events.decided(changed, occurrences(task.applicationId(), application.state()), now);
        }
        return dossiers.dossier(applications.byId(task.applicationId()).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReviewTaskView> teamBacklog(Staff lead) {
        requireRole(lead, StaffRole.TEAM_LEAD);
        return inScope(lead, tasks.allOpen().stream());
    }

    @Override
    @Transactional
    public ReviewTaskView reassign(Staff lead, String taskId, String toUsername) {
        requireRole(lead, StaffRole.TEAM_LEAD);
        VisibleTask visible = visibleTask(lead, taskId);
        ReviewTasks.OpenTask task = visible.task();
        Staff to = staffDirectory.find(toUsername).orElseThrow(() -> new ApiException(ErrorCode.STAFF_UNKNOWN,
                "no staff member " + toUsername));
        requireRole(to, roleOf(task.step()));
        ApplicationRecord record = visible.application();
        if (!DataScopePolicy.covers(to, record.application().facts().regionPath(),
                record.application().facts().productLine())) {
            throw new ApiException(ErrorCode.STAFF_UNKNOWN, toUsername + " cannot see this application");
        }
        tasks.assign(taskId, toUsername);
        applications.appendHistory(task.applicationId(), new HistoryEntry(clock.instant(), lead.username(),
                task.step(), "REASSIGNED", null, null, "to " + toUsername, record.application().state(),
                record.application().state()));
        return dossiers.taskView(tasks.task(taskId).orElseThrow());
    }

    /** How often the application has entered {@code state}, the entry just recorded included. */
    private int occurrences(String applicationId, ApplicationState state) {
        return (int) applications.history(applicationId).stream()
                .filter(h -> h.stateAfter() == state && h.stateBefore() != state).count();
    }

    /** The tasks whose application the staff member may see, their applications loaded in one go (no N+1). */
    private List<ReviewTaskView> inScope(Staff staff, Stream<ReviewTasks.OpenTask> open) {
        List<ReviewTasks.OpenTask> tasks = open.toList();
        Map<String, ApplicationRecord> byId = applications.summariesByIds(tasks.stream()
                .map(ReviewTasks.OpenTask::applicationId).toList());
        return tasks.stream().map(t -> Optional.ofNullable(byId.get(t.applicationId())).filter(r -> covers(staff, r))
                .map(r -> dossiers.taskView(t, r))).flatMap(Optional::stream).toList();
    }

    /** An open task and its application, loaded once; a task out of the staff member's scope is unknown. */
    private record VisibleTask(ReviewTasks.OpenTask task, ApplicationRecord application) {
    }

    private VisibleTask visibleTask(Staff staff, String taskId) {
        return tasks.task(taskId).flatMap(t -> applications.byId(t.applicationId()).filter(r -> covers(staff, r))
                .map(r -> new VisibleTask(t, r))).orElseThrow(() -> new ApiException(ErrorCode.REVIEW_TASK_UNKNOWN,
                "no open task " + taskId));
    }

    private ApplicationRecord visibleApplication(Staff staff, String applicationId) {
        return (applicationId == null ? Optional.<ApplicationRecord>empty() : applications.byId(applicationId))
                .filter(r -> covers(staff, r)).orElseThrow(() -> new ApiException(ErrorCode.APPLICATION_UNKNOWN,
                        "no application " + applicationId));
    }

    private static boolean covers(Staff staff, ApplicationRecord r) {
        return DataScopePolicy.covers(staff, r.application().facts().regionPath(),
                r.application().facts().productLine());
    }

    private static void requireRole(Staff staff, StaffRole role) {
        if (!staff.has(role)) {
            throw new ApiException(ErrorCode.REVIEW_ROLE_MISSING, staff.username() + " is not a " + role);
        }
    }
}
