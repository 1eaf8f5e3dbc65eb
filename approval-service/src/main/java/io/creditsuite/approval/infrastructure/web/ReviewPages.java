package io.creditsuite.approval.infrastructure.web;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.review.ApplicationDossier;
import io.creditsuite.approval.application.review.ReviewActionCommand;
import io.creditsuite.approval.application.review.ReviewDesk;
import io.creditsuite.approval.domain.application.ReviewDecision;
import io.creditsuite.approval.domain.staff.Staff;
import java.security.Principal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A reviewer's pages: the queues (their tasks and the group queue of their stages, in scope), claiming a task
 * (htmx swaps the queues in place), an application with its automatic-check results and score breakdown, and the
 * action form. Every command goes through {@link ReviewDesk}, which checks role, scope and four eyes.
 */
@Controller
class ReviewPages {
    private final ReviewDesk desk;
    private final SignedInStaff signedIn;

    private final String login;

    ReviewPages(ReviewDesk desk, SignedInStaff signedIn,
                @Value("${credit-suite.approval.workbench.login:local}") String login) {
        this.desk = desk;
        this.signedIn = signedIn;
        this.login = login;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidc", "oidc".equals(login));
        return "login";
    }

    @GetMapping({"/", "/workbench"})
    String queues(Principal principal, Model model) {
        fillQueues(signedIn.of(principal), model);
        return "queues";
    }

    /** htmx answers with the queues fragment (the task moved to "my tasks"); a plain form post redirects. */
    @PostMapping("/workbench/tasks/{taskId}/claim")
    String claim(@PathVariable String taskId, Principal principal, Model model,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
        Staff staff = signedIn.of(principal);
        desk.claim(staff, taskId);
        if (htmx == null) {
            redirect.addFlashAttribute("notice", "Task " + taskId + " is yours.");
            return "redirect:/workbench";
        }
        model.addAttribute("notice", "Task " + taskId + " is yours.");
        fillQueues(staff, model);
        return "queues :: queues";
    }

    @GetMapping("/workbench/applications/{applicationId}")
    String application(@PathVariable String applicationId, Principal principal, Model model) {
        Staff staff = signedIn.of(principal);
        ApplicationDossier dossier = desk.open(staff, applicationId);
        model.addAttribute("staff", staff);
        model.addAttribute("d", dossier);
        model.addAttribute("mayAct", dossier.openTask() != null
                && staff.username().equals(dossier.openTask().assignee()));
        model.addAttribute("suggested", dossier.openTask() == null ? ""
                : MinorUnits.plain(dossier.openTask().boundMinor(), dossier.currency()));
        return "application";
    }

    /**
     * Approve (with the approved amount in major units), reject or send back (with a reason code), with a comment.
     * A refusal (four eyes, amount above the bound, no reason) comes back on the application's page with its code.
     */
    @PostMapping("/workbench/tasks/{taskId}/act")
    String act(@PathVariable String taskId, @RequestParam String applicationId, @RequestParam String decision,
               @RequestParam(required = false) String approvedAmount, @RequestParam(required = false) String reasonCode,
               @RequestParam(required = false) String comment, Principal principal, RedirectAttributes redirect) {
        Staff staff = signedIn.of(principal);
        try {
            ReviewDecision chosen = decision(decision);
            Long approved = null;
            if (chosen == ReviewDecision.APPROVE) {
                approved = MinorUnits.parse(approvedAmount, desk.open(staff, applicationId).currency());
            }
            ApplicationDossier after = desk.act(staff, new ReviewActionCommand(taskId, chosen, approved,
                    blankToNull(reasonCode), blankToNull(comment)));
            redirect.addFlashAttribute("notice", chosen + " recorded; the application is now " + after.status() + ".");
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", e.errorCode().code() + " " + e.detail());
        }
        return "redirect:/workbench/applications/" + applicationId;
    }

    private void fillQueues(Staff staff, Model model) {
        model.addAttribute("staff", staff);
        model.addAttribute("mine", desk.myTasks(staff));
        model.addAttribute("group", desk.groupTasks(staff));
    }

    private static ReviewDecision decision(String name) {
        try {
            return ReviewDecision.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "decision must be APPROVE, REJECT or SEND_BACK");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
