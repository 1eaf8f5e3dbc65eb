package io.creditsuite.approval.infrastructure.web;

import io.creditsuite.approval.application.report.ApprovalReports;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Team leads' and auditors' reports: throughput, timeliness and backlog for a period (default: the last 7 days). */
@Controller
class ReportPages {
    private final ApprovalReports reports;
    private final SignedInStaff signedIn;
    private final Clock clock;

    ReportPages(ApprovalReports reports, SignedInStaff signedIn, Clock approvalClock) {
        this.reports = reports;
        this.signedIn = signedIn;
        this.clock = approvalClock;
    }

    @GetMapping("/workbench/reports")
    String reports(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   Principal principal, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String toDate = to == null || to.isBlank() ? today.toString() : to.strip();
        // a week back from the end; a malformed end is reported by the reports themselves (CS-1000)
        String fromDate = from == null || from.isBlank() ? today.minusDays(6).toString() : from.strip();
        model.addAttribute("staff", signedIn.of(principal));
        model.addAttribute("from", fromDate);
        model.addAttribute("to", toDate);
        model.addAttribute("throughput", reports.throughput(fromDate, toDate));
        model.addAttribute("timeliness", reports.timeliness(fromDate, toDate));
        model.addAttribute("backlog", reports.backlog());
        return "reports";
    }

    @GetMapping("/workbench/reports/{report}.csv")
    ResponseEntity<String> csv(@PathVariable String report, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        String body = reports.csv(report, from, to);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("approval-" + report + ".csv").build().toString())
                .body(body);
    }
}
