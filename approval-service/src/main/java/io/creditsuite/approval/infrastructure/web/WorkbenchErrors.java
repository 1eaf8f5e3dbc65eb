package io.creditsuite.approval.infrastructure.web;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused command as the reviewer sees it: its stable code and what is wrong, with the code's HTTP status (an
 * application out of scope is a 404 like an unknown one). htmx requests get the alert fragment, which htmx swaps in
 * (the page's htmx-config swaps 4xx answers too); a page load gets the error page.
 */
@ControllerAdvice(assignableTypes = {ReviewPages.class, TeamPages.class, RulePages.class, ReportPages.class})
class WorkbenchErrors {

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, HttpServletRequest request, Model model, HttpServletResponse response) {
        return problem(e.errorCode(), e.detail(), request.getHeader("HX-Request"), model, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missing(MissingServletRequestParameterException e, HttpServletRequest request, Model model,
                   HttpServletResponse response) {
        return problem(ErrorCode.INVALID_ARGUMENT, e.getParameterName() + " is required",
                request.getHeader("HX-Request"), model, response);
    }

    private static String problem(ErrorCode code, String detail, String htmx, Model model,
                                  HttpServletResponse response) {
        response.setStatus(code.httpStatus());
        model.addAttribute("problem", code.code() + " " + detail);
        if (htmx == null) {
            return "problem";
        }
        // only the alert line changes; the page the reviewer was on stays
        response.setHeader("HX-Retarget", "#alert");
        response.setHeader("HX-Reswap", "outerHTML");
        return "layout :: alert";
    }
}
