package io.creditsuite.reconcile.infrastructure.bcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.TransferDirection;
import io.creditsuite.api.account.TransferPhase;
import io.creditsuite.api.account.TransferView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.LendingService;
import io.creditsuite.api.lending.LoanView;
import io.creditsuite.api.lending.RepaymentView;
import io.creditsuite.reconcile.application.realtime.Counterparts.Answer;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;

/** Each missing event is asked of its own source, for its current state; what cannot be asked is said so. */
class DubboCounterpartsTest {

    @SuppressWarnings("unchecked")
    private static <T> T answering(Class<T> type, java.util.function.Function<Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(args));
    }

    private final AccountTransferService transfers = answering(AccountTransferService.class, args -> {
        String id = (String) args[0];
        if (id.equals("LOAN-DOWN")) {
            throw new RpcException("no provider");
        }
        if (id.equals("LOAN-NONE")) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no branch");
        }
        return new TransferView(id, 1, 2, 100, "CNY", (TransferDirection) args[1],
                id.equals("LOAN-OK") ? TransferPhase.CONFIRMED : TransferPhase.TRIED, "xid");
    });
    private final LendingService lending = answering(LendingService.class, args -> args.length == 2
            && "LN-REPAID".equals(args[1]) ? List.of(new RepaymentView("RP-1", "LN-REPAID", 1, 0, "CNY", "p", "v", 1))
            : new LoanView((String) args[1], "P-1", "CU-1", "line", 1, 100, "CNY", "p",
            "LN-OK".equals(args[1]) ? "ACTIVE" : "REFUSED", null, 100, 0, "xid", 1, null));
    private final DubboCounterparts counterparts = new DubboCounterparts(transfers,
            answering(LedgerService.class, args -> {
                throw new ApiException(ErrorCode.VOUCHER_NOT_FOUND, "none");
            }), lending);

    @Test
    void the_ledger_answers_by_the_branchs_phase_and_its_postings() {
        assertThat(counterparts.confirm("LEDGER_TRANSFER_CONFIRMED", "LOAN-OK-OUT", Map.of())).isEqualTo(Answer.PRESENT);
        assertThat(counterparts.confirm("LEDGER_TRANSFER_CONFIRMED", "LOAN-TRIED-OUT", Map.of()))
                .isEqualTo(Answer.ABSENT);
        assertThat(counterparts.confirm("LEDGER_TRANSFER_CONFIRMED", "LOAN-NONE-OUT", Map.of()))
                .isEqualTo(Answer.ABSENT);
        assertThat(counterparts.confirm("LEDGER_TRANSFER_CONFIRMED", "LOAN-DOWN-OUT", Map.of()))
                .isEqualTo(Answer.UNREACHABLE);
        assertThat(counterparts.confirm("LEDGER_TRANSFER_CONFIRMED", "no-direction", Map.of())).isEqualTo(Answer.ABSENT);
        assertThat(counterparts.confirm("LEDGER_LOAN_REPAID", "LOAN-X-R-1", Map.of())).isEqualTo(Answer.ABSENT);
    }

    @Test
    void credit_answers_by_the_loans_status_and_settled_repayments_when_the_partner_is_known() {
        assertThat(counterparts.confirm("CREDIT_HOLD_USED", "k", Map.of("partnerId", "P-1", "loanId", "LN-OK")))
                .isEqualTo(Answer.PRESENT);
        assertThat(counterparts.confirm("CREDIT_HOLD_USED", "k", Map.of("partnerId", "P-1", "loanId", "LN-NO")))
                .isEqualTo(Answer.ABSENT);
        assertThat(counterparts.confirm("CREDIT_HOLD_RETURNED", "k", Map.of("partnerId", "P-1", "loanId",
                "LN-REPAID", "repaymentId", "RP-1"))).isEqualTo(Answer.PRESENT);
        assertThat(counterparts.confirm("CREDIT_HOLD_RETURNED", "k", Map.of("partnerId", "P-1", "loanId",
                "LN-REPAID", "repaymentId", "RP-2"))).isEqualTo(Answer.ABSENT);
        assertThat(counterparts.confirm("CREDIT_HOLD_USED", "k", Map.of("loanId", "LN-OK"))).isEqualTo(Answer.NO_SOURCE);
        assertThat(counterparts.confirm("LOAN_DRAWDOWN_COMMITTED", "k", Map.of())).isEqualTo(Answer.NO_SOURCE);
    }
}
