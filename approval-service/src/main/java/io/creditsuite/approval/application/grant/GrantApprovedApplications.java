package io.creditsuite.approval.application.grant;

import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grants the lines of applications recheck approved (GRANTING), one by one: the call to credit-service first, outside
 * any local transaction, then GRANTED with the line in one transaction ({@link GrantRecorder}). A grant that fails
 * (credit-service down) leaves the application GRANTING for the next pass; the grant is idempotent by application id,
 * so a pass that dies between the two steps grants nothing twice. A business refusal (a 4xx code other than "in
 * progress" or "rate limited") is not retried: the application ends REJECTED with {@code GRANT_REFUSED:<code>}.
 */
public class GrantApprovedApplications {
    private static final Logger log = LoggerFactory.getLogger(GrantApprovedApplications.class);

    private final ApplicationRepository applications;
    private final CreditLines creditLines;
    private final GrantRecorder recorder;

    public GrantApprovedApplications(ApplicationRepository applications, CreditLines creditLines,
                                     GrantRecorder recorder) {
        this.applications = applications;
        this.creditLines = creditLines;
        this.recorder = recorder;
    }

    /** @return how many applications became GRANTED in this pass */
    public int grantPending(int batch) {
        List<ApplicationRecord> pending = applications.granting(batch);
        int granted = 0;
        for (ApplicationRecord record : pending) {
            String applicationId = record.application().facts().applicationId();
            String lineId;
            try {
                lineId = creditLines.grant(record);
            } catch (CreditLines.Refused refused) {
                log.warn("credit-service refused the grant of {}; the application is rejected: {}", applicationId,
                        refused.getMessage());
                recorder.refused(applicationId, refused.code(), refused.getMessage());
                continue;
            } catch (RuntimeException e) {
                log.warn("granting the line of {} failed, the next pass retries: {}", applicationId, e.toString());
                continue;
            }
            if (recorder.granted(applicationId, lineId)) {
                granted++;
            }
        }
        return granted;
    }
}
