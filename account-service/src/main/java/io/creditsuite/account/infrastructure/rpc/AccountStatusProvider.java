package io.creditsuite.account.infrastructure.rpc;

import io.creditsuite.account.application.ChangeAccountStatusHandler;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.StatusAction;
import io.creditsuite.account.domain.StatusChange;
import io.creditsuite.account.domain.StatusChangeRecord;
import io.creditsuite.api.account.AccountStatusChange;
import io.creditsuite.api.account.AccountStatusRequest;
import io.creditsuite.api.account.AccountStatusService;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.util.List;
import java.util.function.Supplier;
import org.apache.dubbo.config.annotation.DubboService;

/** Account status maintenance over Dubbo: freeze, unfreeze, close, and the audit trail. */
@DubboService
public class AccountStatusProvider implements AccountStatusService {
    private final ChangeAccountStatusHandler handler;

    public AccountStatusProvider(ChangeAccountStatusHandler handler) {
        this.handler = handler;
    }

    @Override
    public AccountStatusChange freeze(AccountStatusRequest request) {
        return change(StatusAction.FREEZE, request);
    }

    @Override
    public AccountStatusChange unfreeze(AccountStatusRequest request) {
        return change(StatusAction.UNFREEZE, request);
    }

    @Override
    public AccountStatusChange close(AccountStatusRequest request) {
        return change(StatusAction.CLOSE, request);
    }

    @Override
    public List<AccountStatusChange> history(long accountId) {
        return guarded(() -> handler.history(accountId).stream().map(c -> view(c, false)).toList());
    }

    private AccountStatusChange change(StatusAction action, AccountStatusRequest r) {
        return guarded(() -> {
            if (r == null) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a status request is required");
            }
            var result = handler.change(new StatusChange(r.requestId(), r.accountId(), action, r.operator(), r.reason()));
            return view(result.change(), result.replayed());
        });
    }

    private static AccountStatusChange view(StatusChangeRecord c, boolean replayed) {
        return new AccountStatusChange(c.requestId(), c.accountId(), c.action().name(), c.before().name(),
                c.after().name(), c.subAccounts(), c.operator(), c.reason(), c.changedAt().toString(), replayed);
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (LedgerException e) {
            throw LedgerMapping.toApi(e);
        }
    }
}
