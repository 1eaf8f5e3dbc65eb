package io.creditsuite.account.infrastructure.rpc;

import io.creditsuite.account.application.DayEndQueries;
import io.creditsuite.account.application.RunDayEndCutoverCommand;
import io.creditsuite.account.application.RunDayEndCutoverHandler;
import io.creditsuite.account.domain.DayEndCutover;
import io.creditsuite.account.domain.DayEndException;
import io.creditsuite.account.domain.EndOfDayBalance;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.api.account.CutoverRequest;
import io.creditsuite.api.account.CutoverResult;
import io.creditsuite.api.account.DayEndService;
import io.creditsuite.api.account.EndOfDayBalanceView;
import io.creditsuite.api.account.NearRealTimeBalanceView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.apache.dubbo.config.annotation.DubboService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/** The day-end cutover over Dubbo; refusals become {@link ApiException}s with their published codes. */
@DubboService
public class DayEndProvider implements DayEndService {
    private static final Logger log = LoggerFactory.getLogger(DayEndProvider.class);

    private final RunDayEndCutoverHandler cutover;
    private final DayEndQueries queries;

    public DayEndProvider(RunDayEndCutoverHandler cutover, DayEndQueries queries) {
        this.cutover = cutover;
        this.queries = queries;
    }

    @Override
    public String accountingDate() {
        return guarded(() -> queries.dateInForce().toString());
    }

    @Override
    public CutoverResult cutover(CutoverRequest request) {
        return guarded(() -> {
            if (request == null) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a cutover request is required");
            }
            LocalDate date = date(request.accountingDate());
            try {
                return result(cutover.run(new RunDayEndCutoverCommand(date)));
            } catch (DataAccessException | IllegalStateException e) {
                log.warn("day-end cutover of {} stopped midway", date, e);
                throw new ApiException(ErrorCode.CUTOVER_INTERRUPTED, "the cutover of " + date
                        + " stopped midway (" + e.getClass().getSimpleName() + "); rerun it to resume");
            }
        });
    }

    @Override
    public EndOfDayBalanceView endOfDayBalance(long accountId, String accountingDate) {
        return guarded(() -> {
            EndOfDayBalance b = queries.endOfDay(accountId, date(accountingDate));
            return new EndOfDayBalanceView(b.accountId(), b.accountingDate().toString(), b.currency(), b.balanceMinor(),
                    b.flowMinor(), b.entries());
        });
    }

    @Override
    public NearRealTimeBalanceView nearRealTimeBalance(long accountId) {
        return guarded(() -> {
            DayEndQueries.NearRealTime n = queries.nearRealTime(accountId);
            return new NearRealTimeBalanceView(accountId, n.account().currency(), n.dateInForce().toString(),
                    n.balance().baseDate() == null ? null : n.balance().baseDate().toString(), n.balance().baseMinor(),
                    n.balance().flowsMinor(), n.balance().pendingMinor(), n.balance().balanceMinor());
        });
    }

    public static CutoverResult result(DayEndCutover c) {
        return new CutoverResult(c.closedDate().toString(), c.nextDate().toString(), c.stage().name(),
                c.accountsSnapshotted(), c.completedAt() == null ? null : c.completedAt().toString());
    }

    private static LocalDate date(String iso) {
        if (iso == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "an accounting date (yyyy-MM-dd) is required");
        }
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "accounting date '" + iso + "' is not yyyy-MM-dd");
        }
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (DayEndException e) {
            ErrorCode code = switch (e.error()) {
                case DATE_NOT_NEXT -> ErrorCode.CUTOVER_DATE_NOT_NEXT;
                case PREVIOUS_INCOMPLETE -> ErrorCode.CUTOVER_PREVIOUS_INCOMPLETE;
                case BALANCE_NOT_FOUND -> ErrorCode.END_OF_DAY_BALANCE_NOT_FOUND;
            };
            throw new ApiException(code, e.getMessage());
        } catch (LedgerException e) {
            throw LedgerMapping.toApi(e);
        }
    }
}
