package io.creditsuite.approval.application.review;

import io.creditsuite.approval.domain.application.ApplicationFacts;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.application.HistoryEntry;
import io.creditsuite.approval.domain.staff.DispatchPolicy;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pull first, push when left: a task nobody claimed within {@code waitBeforeDispatch} is given to a reviewer by
 * {@link DispatchPolicy} (role, scope, skill, four eyes, then the lightest workload). It is claimed for them, so a
 * reviewer claiming it at the same moment wins or loses cleanly, and the history says who got it and why. The
 * caller gives {@code now}, so a test controls the clock.
 */
public class AutomaticDispatch {
    private final ApplicationRepository applications;
    private final ReviewTasks tasks;
    private final StaffDirectory staff;
    private final Duration waitBeforeDispatch;
    private final long largeAmountMinor;

    public AutomaticDispatch(ApplicationRepository applications, ReviewTasks tasks, StaffDirectory staff,
                             Duration waitBeforeDispatch, long largeAmountMinor) {
        this.applications = applications;
        this.tasks = tasks;
        this.staff = staff;
        this.waitBeforeDispatch = waitBeforeDispatch;
        this.largeAmountMinor = largeAmountMinor;
    }

    /** @return how many tasks were dispatched in this pass */
    @Transactional
    public int dispatchWaiting(Instant now) {
        List<ReviewTasks.OpenTask> open = tasks.allOpen();
        Map<String, Integer> workload = new HashMap<>();
        open.stream().filter(t -> t.assignee() != null).forEach(t -> workload.merge(t.assignee(), 1, Integer::sum));
        List<Staff> everyone = staff.active();
        Map<String, ApplicationRecord> waiting = applications.summariesByIds(open.stream()
                .filter(t -> t.assignee() == null).map(ReviewTasks.OpenTask::applicationId).toList());
        int dispatched = 0;
        for (ReviewTasks.OpenTask task : open) {
            if (task.assignee() != null || task.createdAt().plus(waitBeforeDispatch).isAfter(now)) {
                continue;
            }
            ApplicationRecord record = waiting.get(task.applicationId());
            ApplicationFacts facts = record.application().facts();
            DispatchPolicy.TaskNeeds needs = new DispatchPolicy.TaskNeeds(ReviewDeskService.roleOf(task.step()),
                    facts.regionPath(), facts.productLine(),
                    DispatchPolicy.requiredSkills(facts.requestedMinor(), largeAmountMinor),
                    record.application().progress().actors());
            Optional<Staff> chosen = DispatchPolicy.choose(needs, everyone, workload);
            if (chosen.isEmpty() || !tasks.claim(task.taskId(), chosen.get().username())) {
                continue; // nobody eligible, or a reviewer claimed it meanwhile: it stays where it is
            }
            String to = chosen.get().username();
            applications.appendHistory(task.applicationId(), new HistoryEntry(now, HistoryEntry.SYSTEM, task.step(),
                    "DISPATCHED", null, null, "to " + to + " (" + workload.getOrDefault(to, 0) + " open tasks)",
                    record.application().state(), record.application().state()));
            workload.merge(to, 1, Integer::sum);
            dispatched++;
        }
        return dispatched;
    }
}
