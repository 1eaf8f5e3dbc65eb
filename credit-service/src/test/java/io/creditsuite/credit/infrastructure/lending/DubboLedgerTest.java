package io.creditsuite.credit.infrastructure.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.PostingResult;
import io.creditsuite.api.account.TransferDirection;
import io.creditsuite.api.account.TransferPhase;
import io.creditsuite.api.account.TransferView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.lending.Ledger;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;

/** How account-service's answers become lending's: posted, refused (unless the voucher was posted), unavailable. */
class DubboLedgerTest {
    private final Map<String, Function<Object[], Object>> answers = new HashMap<>();

    @SuppressWarnings("unchecked")
    private <T> T stub(Class<T> api) {
        return (T) Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answer.apply(args);
        });
    }

    private final DubboLedger ledger = new DubboLedger(stub(LedgerService.class), stub(AccountTransferService.class),
            Duration.ofSeconds(1));
    private final Ledger.LoanRepayment repayment = new Ledger.LoanRepayment("LOAN-LN1-R-1", 900, 5000, 901, 100, 5,
            "CNY");

    @Test
    void a_refusal_of_a_voucher_without_entries_is_a_refusal_with_the_ledgers_code() {
        answers.put("repayLoan", a -> {
            throw new ApiException(ErrorCode.ACCOUNT_FROZEN, "account 900 is frozen");
        });
        answers.put("entriesByVoucher", a -> {
            throw new ApiException(ErrorCode.VOUCHER_NOT_FOUND, "no voucher");
        });

        Ledger.RepayAnswer answer = ledger.repayLoan(repayment);

        assertThat(answer.posted()).isFalse();
        assertThat(answer.errorCode()).isEqualTo("ACCOUNT_FROZEN");
    }

    @Test
    void a_refusal_of_a_voucher_an_earlier_attempt_posted_counts_as_posted() {
        answers.put("repayLoan", a -> new PostingResult("LOAN-LN1-R-1", PostingOutcome.INSUFFICIENT_BALANCE, false,
                List.of()));
        answers.put("entriesByVoucher", a -> new PostingResult("LOAN-LN1-R-1", PostingOutcome.POSTED, true,
                List.of(entry())));

        assertThat(ledger.repayLoan(repayment).posted()).isTrue();
    }

    @Test
    void a_busy_or_unreachable_ledger_is_unavailable_and_a_missing_transfer_is_not_found() {
        answers.put("repayLoan", a -> {
            throw new ApiException(ErrorCode.LEDGER_BUSY, "retry");
        });
        assertThatThrownBy(() -> ledger.repayLoan(repayment)).isInstanceOf(Ledger.LedgerUnavailable.class);
        answers.put("repayLoan", a -> {
            throw new RpcException(RpcException.TIMEOUT_EXCEPTION, "timeout");
        });
        assertThatThrownBy(() -> ledger.repayLoan(repayment)).isInstanceOf(Ledger.LedgerUnavailable.class);

        answers.put("transfer", a -> {
            throw new ApiException(ErrorCode.NOT_FOUND, "no transfer");
        });
        assertThat(ledger.payout("LOAN-LN1")).isEqualTo(Ledger.PayoutState.NOT_FOUND);
        answers.put("transfer", a -> new TransferView("LOAN-LN1", 900, 5000, 100, "CNY", TransferDirection.OUT,
                TransferPhase.CONFIRMED, "xid"));
        assertThat(ledger.payout("LOAN-LN1")).isEqualTo(Ledger.PayoutState.CONFIRMED);
    }

    private static io.creditsuite.api.account.JournalEntryView entry() {
        return new io.creditsuite.api.account.JournalEntryView(1, 5000, 3, "LOAN-LN1-R-1", 2, false, null, "LOAN_REPAY",
                "CREDIT", 100, "CNY", 300, 200, "2026-12-02", "t", "h0", "h1", false);
    }
}
