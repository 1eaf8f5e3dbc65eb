package io.creditsuite.approval.infrastructure.web;

import io.creditsuite.approval.application.review.ReviewDesk;
import io.creditsuite.approval.domain.staff.Staff;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A team lead's backlog (every open task in scope, claimed or not, with its SLA) and reassignment. */
@Controller
class TeamPages {
    private final ReviewDesk desk;
    private final SignedInStaff signedIn;

    TeamPages(ReviewDesk desk, SignedInStaff signedIn) {
        this.desk = desk;
        this.signedIn = signedIn;
    }

    @GetMapping("/workbench/team")
    String backlog(Principal principal, Model model) {
        Staff lead = signedIn.of(principal);
        model.addAttribute("staff", lead);
        model.addAttribute("backlog", desk.teamBacklog(lead));
        return "team";
    }

    @PostMapping("/workbench/team/tasks/{taskId}/reassign")
    String reassign(@PathVariable String taskId, @RequestParam String to, Principal principal,
                    RedirectAttributes redirect) {
        desk.reassign(signedIn.of(principal), taskId, to.strip());
        redirect.addFlashAttribute("notice", "Task " + taskId + " now belongs to " + to.strip() + ".");
        return "redirect:/workbench/team";
    }
}
