package io.creditsuite.devstack.smoke;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reviewers' part of the smoke demo, through the workbench as they use it: for each stage its demo reviewer
 * signs in, opens the application, claims its task and approves with a comment (ann: first review, cat: final
 * review, dan: recheck; four eyes need three people). Returns a problem, or null when every stage approved.
 */
final class WorkbenchWalkthrough {
    /** The devstack's demo reviewers' password (approval-service's credit-suite.approval.demo-staff.password). */
    static final String DEMO_PASSWORD = "demo";
    private static final Pattern CLAIM = Pattern.compile("action=\"/workbench/tasks/([^/\"]+)/claim\"");
    private static final Pattern ACT = Pattern.compile("action=\"/workbench/tasks/([^/\"]+)/act\"");
    private static final Pattern NOTICE = Pattern.compile("id=\"notice\">([^<]+)<");
    private static final Pattern PROBLEM = Pattern.compile("id=\"problem\">([^<]+)<");

    private final String workbenchUrl;

    WorkbenchWalkthrough(String workbenchUrl) {
        this.workbenchUrl = workbenchUrl;
    }

    String approveAtEveryStage(String applicationId, String amount, List<String> lines) {
        for (String reviewer : List.of("ann", "cat", "dan")) {
            WorkbenchClient session = WorkbenchClient.signIn(workbenchUrl, reviewer, DEMO_PASSWORD);
            String dossier = "workbench/applications/" + applicationId;
            WorkbenchClient.Page page = session.get(dossier);
            String taskId = page.firstMatch(CLAIM).orElse(null);
            if (taskId == null) {
                return reviewer + " found no task to claim on " + applicationId + " (" + page.status() + ")";
            }
            page = session.post("workbench/tasks/" + taskId + "/claim", Map.of());
            if (page.status() < 400) {
                page = session.get(dossier);
            }
            if (page.firstMatch(ACT).isEmpty()) {
                return reviewer + " could not claim task " + taskId + ": " + page.firstMatch(PROBLEM).orElse(
                        "HTTP " + page.status());
            }
            page = session.post("workbench/tasks/" + taskId + "/act", Map.of("applicationId", applicationId,
                    "decision", "APPROVE", "approvedAmount", amount, "comment", "smoke demo: approved by "
                            + reviewer));
            String notice = page.firstMatch(NOTICE).orElse(null);
            if (notice == null) {
                return reviewer + "'s approval was refused: " + page.firstMatch(PROBLEM).orElse("HTTP "
                        + page.status());
            }
            lines.add("workbench: " + reviewer + " signed in, claimed and approved " + amount + ": " + notice);
        }
        return null;
    }
}
