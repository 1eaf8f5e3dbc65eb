package io.creditsuite.approval.infrastructure.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.check.RuleAdministration;
import io.creditsuite.approval.application.check.RuleCatalog;
import io.creditsuite.approval.domain.check.RiskRule;
import io.creditsuite.approval.domain.check.RuleSet;
import io.creditsuite.approval.domain.check.Scorecard;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A rule admin's page: what is in force, the blacklist (add, deactivate), and publishing a new rule set or scorecard
 * version from the current one edited as JSON (a version is never edited in place). Every change goes through
 * {@link RuleAdministration}, which validates, compiles in the sandbox and audits it.
 */
@Controller
class RulePages {
    /** Strict: an unknown or misspelt field is an error, not silently dropped. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private static final int MAX_JSON = 256 * 1024;

    private final RuleAdministration administration;
    private final RuleCatalog catalog;
    private final SignedInStaff signedIn;

    RulePages(RuleAdministration administration, RuleCatalog catalog, SignedInStaff signedIn) {
        this.administration = administration;
        this.catalog = catalog;
        this.signedIn = signedIn;
    }

    @GetMapping("/workbench/rules")
    String rules(Principal principal, Model model) throws JsonProcessingException {
        RuleCatalog.InForce inForce = catalog.inForce();
        model.addAttribute("staff", signedIn.of(principal));
        model.addAttribute("inForce", inForce);
        model.addAttribute("rulesJson", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                inForce.ruleSet().rules()));
        model.addAttribute("scorecardJson", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                new ScorecardBody(inForce.scorecard())));
        return "rules";
    }

    @PostMapping("/workbench/rules/blacklist")
    String addEntry(@RequestParam String kind, @RequestParam String value, @RequestParam String reason,
                    Principal principal, RedirectAttributes redirect) {
        String id = administration.addBlacklistEntry(signedIn.of(principal), kind, value, reason);
        redirect.addFlashAttribute("notice", "Blacklist entry " + id + " added.");
        return "redirect:/workbench/rules";
    }

    @PostMapping("/workbench/rules/blacklist/{entryId}/deactivate")
    String deactivate(@PathVariable String entryId, @RequestParam String reason, Principal principal,
                      RedirectAttributes redirect) {
        administration.deactivateBlacklistEntry(signedIn.of(principal), entryId, reason);
        redirect.addFlashAttribute("notice", "Blacklist entry " + entryId + " deactivated.");
        return "redirect:/workbench/rules";
    }

    @PostMapping("/workbench/rules/rule-sets")
    String publishRuleSet(@RequestParam String version, @RequestParam String rules, Principal principal,
                          RedirectAttributes redirect) {
        RiskRule[] parsed = parse(rules, RiskRule[].class);
        administration.publishRuleSet(signedIn.of(principal), new RuleSet(version.strip(), List.of(parsed)));
        redirect.addFlashAttribute("notice", "Rule set " + version.strip() + " is in force.");
        return "redirect:/workbench/rules";
    }

    @PostMapping("/workbench/rules/scorecards")
    String publishScorecard(@RequestParam String version, @RequestParam String scorecard, Principal principal,
                            RedirectAttributes redirect) {
        ScorecardBody body = parse(scorecard, ScorecardBody.class);
        administration.publishScorecard(signedIn.of(principal), body.toScorecard(version.strip()));
        redirect.addFlashAttribute("notice", "Scorecard " + version.strip() + " is in force.");
        return "redirect:/workbench/rules";
    }

    /** A scorecard as the admin edits it: everything but the version id, which is typed separately. */
    record ScorecardBody(int baseScore, int rejectCutoff, int fastTrackCutoff,
                         List<Scorecard.Characteristic> characteristics) {
        ScorecardBody(Scorecard s) {
            this(s.baseScore(), s.rejectCutoff(), s.fastTrackCutoff(), s.characteristics());
        }

        Scorecard toScorecard(String version) {
            if (characteristics == null) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a scorecard needs its characteristics");
            }
            try {
                return new Scorecard(version, baseScore, rejectCutoff, fastTrackCutoff, characteristics);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "scorecard: " + e.getMessage());
            }
        }
    }

    private static <T> T parse(String json, Class<T> type) {
        if (json == null || json.length() > MAX_JSON) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the JSON must be 1.." + MAX_JSON + " characters");
        }
        try {
            T value = JSON.readValue(json, type);
            if (value == null) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the JSON is empty");
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "not valid JSON for a " + type.getSimpleName()
                    .replace("[]", " list") + ": " + (e instanceof JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage()));
        }
    }
}
