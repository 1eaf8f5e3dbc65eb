package io.creditsuite.reconcile.application.full;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.reconcile.FullCheckRunView;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The full check on demand: input checked first (CS-1000, nothing started), then run in the background. */
public class FullCheckDesk {
    private static final Logger log = LoggerFactory.getLogger(FullCheckDesk.class);
    private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final FullCheck fullCheck;
    private final FullCheckRuns runs;
    private final Executor background;

    public FullCheckDesk(FullCheck fullCheck, FullCheckRuns runs, Executor background) {
        this.fullCheck = fullCheck;
        this.runs = runs;
        this.background = background;
    }

    public FullCheckRunView start(String scopeText, String who) {
        if (who == null || who.isBlank() || who.length() > 64) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "who must be 1..64 characters");
        }
        FullCheckScope scope = parse(scopeText);
        long runId;
        try {
            runId = fullCheck.begin(scope);
        } catch (FullCheck.Busy busy) {
            throw new ApiException(ErrorCode.FULL_CHECK_BUSY, "a full check is running; poll it and start again later");
        }
        log.info("BCP full check {} ({}) asked for by {}", runId, scope.text(), who.replaceAll("[\\r\\n]", "_"));
        background.execute(() -> fullCheck.finish(runId));
        return run(runId);
    }

    public FullCheckRunView run(long runId) {
        return runs.find(runId).map(FullCheckDesk::view).orElseThrow(() -> new ApiException(
                ErrorCode.FULL_CHECK_UNKNOWN, "no full check run " + runId));
    }

    static FullCheckRunView view(FullCheckRuns.Run r) {
        return new FullCheckRunView(r.runId(), r.scope().text(), r.state(), r.pass(), r.rowsRead(), r.subjects(),
                r.findings(), r.error(), r.startedAt().toEpochMilli(),
                r.finishedAt() == null ? null : r.finishedAt().toEpochMilli());
    }

    private static FullCheckScope parse(String text) {
        String problem = "scope must be ALL, DATE:yyyy-mm-dd or CUSTOMER:<id of 1..64 letters, digits, _ . ->";
        if (text == null || text.length() > 80) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, problem);
        }
        if (text.startsWith("CUSTOMER:") && !CUSTOMER_ID.matcher(text.substring(9)).matches()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, problem);
        }
        try {
            return FullCheckScope.parse(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, problem);
        }
    }
}
