package io.creditsuite.approval.infrastructure.flow;

import io.creditsuite.approval.application.review.ReviewTasks;
import io.creditsuite.approval.domain.application.ReviewStep;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;

/**
 * The review chain on Flowable: process {@value #PROCESS}, business key = application id, one user task per stage
 * (task definition key = {@link #taskKey}), candidate group = the stage's role. Flowable runs in the service's own
 * transaction manager, so a task's completion commits or rolls back with the application's row.
 */
public class FlowableReviewTasks implements ReviewTasks {
    static final String PROCESS = "creditReview";
    private static final String NEXT = "next";
    private static final String END = "END";
    /** Also the business key; a process variable too, so task queries return it without another query. */
    private static final String APPLICATION_ID = "applicationId";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;

    public FlowableReviewTasks(RuntimeService runtime, TaskService tasks, HistoryService history) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
    }

    @Override
    public List<FinishedTask> finishedBetween(Instant from, Instant to) {
        return history.createHistoricTaskInstanceQuery().processDefinitionKey(PROCESS).finished()
                .taskCompletedAfter(Date.from(from.minusMillis(1))).taskCompletedBefore(Date.from(to))
                .orderByHistoricTaskInstanceEndTime().asc().list().stream()
                .map(t -> new FinishedTask(step(t.getTaskDefinitionKey()), t.getCreateTime().toInstant(),
                        t.getEndTime().toInstant(), t.getAssignee())).toList();
    }

    @Override
    public void start(String applicationId, ReviewStep step) {
        runtime.startProcessInstanceByKey(PROCESS, applicationId, Map.of(NEXT, step.name(), APPLICATION_ID,
                applicationId));
    }

    @Override
    public Optional<OpenTask> task(String taskId) {
        return taskId == null ? Optional.empty() : Optional.ofNullable(query().taskId(taskId).singleResult())
                .map(FlowableReviewTasks::open);
    }

    @Override
    public Optional<OpenTask> openTaskOf(String applicationId) {
        return query().processInstanceBusinessKey(applicationId).list().stream().findFirst()
                .map(FlowableReviewTasks::open);
    }

    @Override
    public List<OpenTask> assignedTo(String username) {
        return query().taskAssignee(username).orderByTaskCreateTime().asc().list().stream()
                .map(FlowableReviewTasks::open).toList();
    }

    @Override
    public List<OpenTask> unclaimed(Collection<ReviewStep> steps) {
        if (steps.isEmpty()) {
            return List.of();
        }
        return query().taskUnassigned().taskDefinitionKeys(steps.stream().map(FlowableReviewTasks::taskKey).toList())
                .orderByTaskCreateTime().asc().list().stream().map(FlowableReviewTasks::open).toList();
    }

    @Override
    public List<OpenTask> allOpen() {
        return query().orderByTaskCreateTime().asc().list().stream().map(FlowableReviewTasks::open).toList();
    }

    @Override
    public boolean claim(String taskId, String username) {
        try {
            tasks.claim(taskId, username);
            return true;
        } catch (FlowableException e) {
            // already claimed by someone else, or a concurrent claim won the task's revision
            return false;
        }
    }

    @Override
    public void addCandidate(String taskId, String username) {
        tasks.addCandidateUser(taskId, username);
    }

    @Override
    public void assign(String taskId, String username) {
        tasks.setAssignee(taskId, username);
    }

    @Override
    public void complete(String taskId, Optional<ReviewStep> next) {
        tasks.complete(taskId, Map.of(NEXT, next.map(ReviewStep::name).orElse(END)));
    }

    static String taskKey(ReviewStep step) {
        return switch (step) {
            case FIRST_REVIEW -> "firstReview";
            case FINAL_REVIEW -> "finalReview";
            case RECHECK -> "recheck";
        };
    }

    private static ReviewStep step(String taskKey) {
        for (ReviewStep step : ReviewStep.values()) {
            if (taskKey(step).equals(taskKey)) {
                return step;
            }
        }
        throw new IllegalStateException("not a review stage: " + taskKey);
    }

    private TaskQuery query() {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS).active().includeProcessVariables();
    }

    private static OpenTask open(Task task) {
        return new OpenTask(task.getId(), businessKey(task), step(task.getTaskDefinitionKey()), task.getAssignee(),
                task.getCreateTime().toInstant());
    }

    private static String businessKey(Task task) {
        return (String) task.getProcessVariables().get(APPLICATION_ID);
    }
}
