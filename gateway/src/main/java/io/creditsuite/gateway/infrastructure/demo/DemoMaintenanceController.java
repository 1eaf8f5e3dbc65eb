package io.creditsuite.gateway.infrastructure.demo;

import io.creditsuite.api.account.AccountStatusChange;
import io.creditsuite.api.account.AccountStatusRequest;
import io.creditsuite.api.account.AccountStatusService;
import io.creditsuite.api.credit.CreditMaintenanceService;
import io.creditsuite.api.credit.LineAction;
import io.creditsuite.api.credit.LineActionRequest;
import io.creditsuite.api.credit.MaintenanceResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Freezes and unfreezes a demo lender's credit lines and ledger accounts, so a test or a demo can watch a drawdown
 * refused for a frozen line or account: behind the operator token ({@code /ops/**}) and off in production with the
 * probes, like {@link DemoLenderController}. Each call goes through the owning service's own maintenance API
 * ({@code CreditMaintenanceService.changeLineState}, {@code AccountStatusService}), which audits it and is idempotent
 * by the caller's {@code requestId}; a transition the status does not allow is that service's 409
 * ({@code CS-2021} for a line, {@code CS-3120} for an account).
 */
@RestController
@RequestMapping("/ops/v1/demo")
@ConditionalOnProperty(name = "credit-suite.gateway.probes-enabled", havingValue = "true", matchIfMissing = true)
public class DemoMaintenanceController {
    private static final String OPERATOR = "devstack-operator";

    @DubboReference
    private CreditMaintenanceService maintenance;
    @DubboReference
    private AccountStatusService accounts;

    /** @param requestId the change's idempotency key: letters, digits, '-', '_' and '.', 1 to 40 characters */
    public record ChangeBody(String requestId, String reason) {
    }

    @PostMapping("/lines/{lineId}/freeze")
    public MaintenanceResult freezeLine(@PathVariable String lineId, @RequestBody ChangeBody body) {
        return changeLine(lineId, LineAction.FREEZE, body);
    }

    @PostMapping("/lines/{lineId}/unfreeze")
    public MaintenanceResult unfreezeLine(@PathVariable String lineId, @RequestBody ChangeBody body) {
        return changeLine(lineId, LineAction.UNFREEZE, body);
    }

    @PostMapping("/accounts/{accountId}/freeze")
    public AccountStatusChange freezeAccount(@PathVariable long accountId, @RequestBody ChangeBody body) {
        return accounts.freeze(accountChange(accountId, body));
    }

    @PostMapping("/accounts/{accountId}/unfreeze")
    public AccountStatusChange unfreezeAccount(@PathVariable long accountId, @RequestBody ChangeBody body) {
        return accounts.unfreeze(accountChange(accountId, body));
    }

    private MaintenanceResult changeLine(String lineId, LineAction action, ChangeBody body) {
        return maintenance.changeLineState(new LineActionRequest(requestId(body), OPERATOR, reason(body),
                DemoLenderController.id(lineId), action));
    }

    private static AccountStatusRequest accountChange(long accountId, ChangeBody body) {
        if (accountId <= 0) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "accountId must be greater than 0");
        }
        return new AccountStatusRequest(requestId(body), accountId, OPERATOR, reason(body));
    }

    private static String requestId(ChangeBody body) {
        if (body == null || body.requestId() == null || !body.requestId().matches("[A-Za-z0-9._-]{1,40}")) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "requestId must be 1 to 40 characters of A-Z a-z 0-9 . _ -");
        }
        return body.requestId();
    }

    private static String reason(ChangeBody body) {
        String reason = body.reason() == null || body.reason().isBlank() ? "demo" : body.reason();
        if (reason.length() > 200 || reason.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "reason must be at most 200 characters, no control characters");
        }
        return reason;
    }
}
