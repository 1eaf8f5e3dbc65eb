package io.creditsuite.credit.application;

import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.credit.RenewTermRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.CreditLine;
import io.creditsuite.credit.domain.LimitDirectory;
import java.time.Instant;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renews a line's term (续期), audited: {@code termEnd' > max(termEnd, now)}, nothing else of the line changes (status,
 * limits, holds). An expired line takes caller operations again once renewed; what is still frozen or in use on
 * it is repaid, used or released as on any usable line. No maker-checker: a renewal moves no limit amount (the
 * threshold is about amounts), and it is in the line audit log like every change.
 */
public class RenewTermHandler {
    static final String AUDIT_ACTION = "RENEW_TERM";

    private final MaintenanceSupport support;
    private final LimitDirectory directory;

    public RenewTermHandler(MaintenanceSupport support, LimitDirectory directory) {
        this.support = support;
        this.directory = directory;
    }

    @Transactional
    public MaintenanceResult handle(RenewTermRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a term renewal is required");
        }
        var change = MaintenanceSupport.lineChange(request, request.requestId(), request.actor(), request.reason(),
                request.lineId());
        var done = support.earlier(change.requestId(), change.bodyHash());
        if (done.isPresent()) {
            return done.get();
        }
        Instant termEnd = Instant.ofEpochMilli(request.termEndEpochMillis());
        return support.changeLine(change, AUDIT_ACTION, directory, line -> {
            Instant now = support.clock().instant();
            if (!termEnd.isAfter(line.termEnd()) || !termEnd.isAfter(now)) {
                throw new ApiException(ErrorCode.TERM_END_INVALID, "line " + line.lineId() + "'s term ends at "
                        + line.termEnd() + "; a renewal must end after that and after now (" + now + "), got " + termEnd);
            }
            if (termEnd.isAfter(line.termStart().plus(CreditLine.TERM_MAX))) {
                throw new ApiException(ErrorCode.TERM_END_INVALID, "line " + line.lineId() + " began at "
                        + line.termStart() + "; a term may last at most " + CreditLine.TERM_MAX.toDays()
                        + " days, got an end at " + termEnd);
            }
            support.store().updateTermEnd(line.lineId(), termEnd);
            return line.withTermEnd(termEnd);
        });
    }
}
