package io.creditsuite.credit.application.lending;

import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.lending.LendingRejection;
import io.creditsuite.credit.domain.lending.Refusal;
import io.creditsuite.credit.domain.lending.RefusalReason;
import java.util.regex.Pattern;

/** Lending's refusals as API errors, and the tries' errors as drawdown refusals. */
public final class LendingErrors {
    private LendingErrors() {
    }

    public static ApiException toApi(LendingRejection rejection) {
        ErrorCode code = switch (rejection.reason()) {
            case LOAN_STATE_CONFLICT -> ErrorCode.LOAN_STATE_CONFLICT;
            case REPAYMENT_EXCEEDS_OUTSTANDING -> ErrorCode.REPAYMENT_EXCEEDS_OUTSTANDING;
            case AMOUNT_INVALID -> ErrorCode.AMOUNT_INVALID;
        };
        return new ApiException(code, rejection.getMessage());
    }

    /**
     * credit's try refused: the line's state or the limit of a node (the detail names it). An overflowing exposure
     * is a limit the node cannot take; any other code is unexpected after the drawdown's own checks and is reported
     * as UNAVAILABLE with the code in the detail.
     */
    public static Refusal ofCreditTry(ApiException e) {
        RefusalReason reason = switch (e.errorCode()) {
            case LIMIT_INSUFFICIENT, CREDIT_AMOUNT_OVERFLOW -> RefusalReason.LIMIT_INSUFFICIENT;
            case LINE_FROZEN -> RefusalReason.LINE_FROZEN;
            case LINE_EXPIRED -> RefusalReason.LINE_EXPIRED;
            case LINE_CLEARED -> RefusalReason.LINE_CLEARED;
            default -> RefusalReason.UNAVAILABLE;
        };
        return new Refusal(reason, detail(e));
    }

    /**
     * account's TransOut try refused: the funding account short (INSUFFICIENT_BALANCE: only the funding leg lowers a
     * balance) or a frozen account: the loan account when the ledger's message names it ("account <id> is frozen"),
     * else the funding account. Anything else is UNAVAILABLE with the code in the detail.
     */
    public static Refusal ofFundingTry(ApiException e, long loanAccountId) {
        RefusalReason reason = switch (e.errorCode()) {
            case INSUFFICIENT_BALANCE -> RefusalReason.FUNDING_INSUFFICIENT;
            case ACCOUNT_FROZEN -> names(e, loanAccountId) ? RefusalReason.LOAN_ACCOUNT_FROZEN
                    : RefusalReason.FUNDING_ACCOUNT_FROZEN;
            default -> RefusalReason.UNAVAILABLE;
        };
        return new Refusal(reason, detail(e));
    }

    private static boolean names(ApiException e, long accountId) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return Pattern.compile("\\baccount " + accountId + "\\b").matcher(message).find();
    }

    private static String detail(ApiException e) {
        return e.getMessage(); // "CS-xxxx <message>: <detail>"
    }
}
