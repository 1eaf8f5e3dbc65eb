package io.creditsuite.approval.application.review;

import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.application.HistoryEntry;
import io.creditsuite.approval.domain.application.SlaPolicy;
import io.creditsuite.approval.domain.staff.DataScopePolicy;
import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.domain.staff.StaffDirectory;
import io.creditsuite.approval.domain.staff.StaffRole;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates every open task past its SLA ({@link SlaPolicy}) to the team leads who can see its application: they
 * become candidates of the task (it shows in their queue and they may take or reassign it), and the application's
 * history says so. Once per task: the history line {@code SLA_ESCALATED:<taskId>} is the mark. The caller gives
 * {@code now}, so a test controls the clock.
 */
public class SlaEscalation {
    private final ApplicationRepository applications;
    private final ReviewTasks tasks;
    private final StaffDirectory staff;
    private final SlaPolicy sla;

    public SlaEscalation(ApplicationRepository applications, ReviewTasks tasks, StaffDirectory staff, SlaPolicy sla) {
        this.applications = applications;
        this.tasks = tasks;
        this.staff = staff;
        this.sla = sla;
    }

    /** @return how many tasks were escalated in this pass */
    @Transactional
    public int escalateOverdue(Instant now) {
        int escalated = 0;
        for (ReviewTasks.OpenTask task : tasks.allOpen()) {
            String mark = "SLA_ESCALATED:" + task.taskId();
            if (sla.openState(task.step(), task.createdAt(), now) != SlaPolicy.SlaState.VIOLATED
                    || applications.hasHistory(task.applicationId(), mark)) {
                continue;
            }
            ApplicationRecord record = applications.byId(task.applicationId()).orElseThrow();
            List<String> leads = staff.withRole(StaffRole.TEAM_LEAD, "/").stream()
                    .filter(lead -> DataScopePolicy.covers(lead, record.application().facts().regionPath(),
                            record.application().facts().productLine())).map(Staff::username).toList();
            leads.forEach(lead -> tasks.addCandidate(task.taskId(), lead));
            applications.appendHistory(task.applicationId(), new HistoryEntry(now, HistoryEntry.SYSTEM, task.step(),
                    mark, null, null, "due " + sla.dueAt(task.step(), task.createdAt()) + "; escalated to "
                    + (leads.isEmpty() ? "no team lead in scope" : String.join(", ", leads)),
                    record.application().state(), record.application().state()));
            escalated++;
        }
        return escalated;
    }
}
