package io.creditsuite.approval.application.intake;

import io.creditsuite.api.approval.SupplementRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.approval.application.review.ReviewTasks;
import io.creditsuite.approval.domain.application.ApplicationRecord;
import io.creditsuite.approval.domain.application.ApplicationRepository;
import io.creditsuite.approval.domain.application.ApplicationState;
import io.creditsuite.approval.domain.application.HistoryEntry;
import io.creditsuite.approval.domain.application.ReviewRefusedException;
import io.creditsuite.approval.domain.application.ReviewStep;
import java.time.Clock;
import java.time.Instant;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner's supplement to an application first review sent back: the application returns to first review.
 * Idempotent by request id (kept in the history line {@code SUPPLEMENTED:<requestId>}).
 */
public class SupplementHandler {
    private final ApplicationRepository repository;
    private final ApplicationQueries queries;
    private final ReviewTasks reviewTasks;
    private final Clock clock;

    public SupplementHandler(ApplicationRepository repository, ApplicationQueries queries, ReviewTasks reviewTasks,
                             Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.reviewTasks = reviewTasks;
        this.clock = clock;
    }

    @Transactional
    public ApplicationRecord supplement(SupplementRequest request) {
        if (request == null || request.requestId() == null || request.requestId().isBlank()
                || request.requestId().length() > 64) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a supplement needs a request id of 1..64 characters");
        }
        if (request.note() != null && request.note().length() > 2000) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "note must be at most 2000 characters");
        }
        ApplicationRecord stored = queries.byId(request.partnerId(), request.applicationId());
        String action = "SUPPLEMENTED:" + request.requestId();
        if (repository.hasHistory(request.applicationId(), action)) {
            return stored;
        }
        ApplicationState before = stored.application().state();
        try {
            stored.application().supplemented();
        } catch (ReviewRefusedException e) {
            throw new ApiException(ErrorCode.APPLICATION_NOT_AWAITING_INFO, e.getMessage());
        }
        if (!repository.update(stored)) {
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, "application " + request.applicationId()
                    + " changed meanwhile; retry");
        }
        Instant now = clock.instant();
        repository.appendHistory(request.applicationId(), new HistoryEntry(now, "partner:" + request.partnerId(),
                ReviewStep.FIRST_REVIEW, action, null, null, request.note(), before, stored.application().state()));
        reviewTasks.start(request.applicationId(), ReviewStep.FIRST_REVIEW);
        return repository.byId(request.applicationId()).orElseThrow();
    }
}
