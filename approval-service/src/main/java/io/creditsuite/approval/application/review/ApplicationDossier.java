package io.creditsuite.approval.application.review;

import io.creditsuite.approval.domain.check.CheckFinding;
import java.util.List;

/**
 * Everything a reviewer sees when opening an application.
 *
 * @param status      the application's status name (io.creditsuite.api.approval.ApplicationStatus)
 * @param route       REJECT, MANUAL_REVIEW or FAST_TRACK
 * @param checks      the stored results of the automatic checks, blacklist and rules first, then the scorecard
 * @param openTask    the task waiting on the application, or null
 */
public record ApplicationDossier(String applicationId, String partnerId, String customerId, String applicantName,
                                 String identityType, String identityNumberMasked, String regionPath,
                                 String productLine, String currency, long requestedMinor, Long approvedMinor,
                                 int termMonths, String status, String route, Integer score, String rulesVersion,
                                 String scorecardVersion, List<CheckFinding> checks, List<HistoryLine> history,
                                 ReviewTaskView openTask) {
}
