package io.creditsuite.approval.application.review;

import io.creditsuite.approval.domain.staff.Staff;
import java.util.List;

/**
 * What a reviewer and a team lead do (the workbench's only way into the review chain). Every call checks the
 * staff member's function permission (REVIEW_ROLE_MISSING) and data scope: an application or task outside the
 * scope is answered as unknown (APPLICATION_UNKNOWN / REVIEW_TASK_UNKNOWN), never as forbidden.
 */
public interface ReviewDesk {
    /** Tasks the staff member holds. */
    List<ReviewTaskView> myTasks(Staff staff);

    /** Unclaimed tasks of the stages the staff member's roles act on, in their scope, oldest first. */
    List<ReviewTaskView> groupTasks(Staff staff);

    /** Takes a task from the group queue; REVIEW_TASK_TAKEN when someone else holds it (one of two claims wins). */
    ReviewTaskView claim(Staff staff, String taskId);

    ApplicationDossier open(Staff staff, String applicationId);

    /**
     * Acts on a task the staff member holds. FOUR_EYES_VIOLATION when they already acted on this application,
     * APPROVED_AMOUNT_RAISED above the stage's bound, REASON_CODE_REQUIRED for a reject or send-back without one.
     */
    ApplicationDossier act(Staff staff, ReviewActionCommand command);

    /** TEAM_LEAD: every open task in the lead's department subtree, claimed or not, oldest first. */
    List<ReviewTaskView> teamBacklog(Staff lead);

    /** TEAM_LEAD: gives a task to another reviewer of the team who holds the stage's role. */
    ReviewTaskView reassign(Staff lead, String taskId, String toUsername);
}
