package io.creditsuite.reconcile.infrastructure.bcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.TransferDirection;
import io.creditsuite.api.account.TransferPhase;
import io.creditsuite.api.account.TransferView;
import io.creditsuite.api.credit.CreditStateService;
import io.creditsuite.api.credit.HoldStateView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.LoanView;
import io.creditsuite.api.lending.RepaymentView;
import io.creditsuite.reconcile.application.realtime.Counterparts.Answer;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;

/** Each missing event is asked of its own source, for its current state; what cannot be asked is said so. */
class DubboCounterpartsTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final List<String> SETTLED = List.of("CREDIT_HOLD_USED", "CREDIT_HOLD_RELEASED",
            "CREDIT_HOLD_EXPIRED");

    @SuppressWarnings("unchecked")
    private static <T> T answering(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args));
    }

    private final AccountTransferService transfers = answering(AccountTransferService.class, (m, args) -> {
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

    /** Loans LN-<STATUS>, with one applied repayment RP-1 (voucher LOAN-<id>-R-1); holds named by their state. */
    private final CreditStateService credit = answering(CreditStateService.class, (m, args) -> {
        String id = (String) args[0];
        if (id.contains("DOWN")) {
            throw new RpcException("no provider");
        }
        if (id.contains("NONE")) {
            throw new ApiException(m.equals("hold") ? ErrorCode.HOLD_UNKNOWN : ErrorCode.LOAN_UNKNOWN, "none");
        }
        return switch (m) {
            case "loan" -> new LoanView(id, "P-1", "CU-1", "line", 1, 100, "CNY", "p", id.substring(3), null, 100, 0,
                    "xid", 1, null);
            case "repayments" -> List.of(new RepaymentView("RP-1", id, 1, 0, "CNY", "p", "LOAN-" + id + "-R-1", 1));
            default -> hold(id);
        };
    });

    private static HoldStateView hold(String id) {
        Long expires = id.startsWith("expiring") ? T0.toEpochMilli() : null;
        String xid = id.startsWith("tcc") ? "127.0.0.1:8091:1" : null;
        long frozen = id.endsWith("-used") ? 0 : id.endsWith("-part") ? 40 : 100;
        return new HoldStateView(id, "L-1", "CNY", frozen, 100 - frozen, 0, expires, xid);
    }

    private DubboCounterparts at(Instant now) {
        LedgerService ledger = answering(LedgerService.class, (m, args) -> {
            throw new ApiException(ErrorCode.VOUCHER_NOT_FOUND, "none");
        });
        return new DubboCounterparts(transfers, ledger, credit, Clock.fixed(now, ZoneOffset.UTC), GRACE);
    }

    private final DubboCounterparts counterparts = at(T0);

    private static Map<String, Object> frozen(long creditMinor) {
        return Map.of("flowType", "FREEZE", "creditMinor", creditMinor, "occurredAt", T0.toString());
    }

    @Test
    void the_ledger_answers_by_the_branchs_phase_and_its_postings() {
        assertThat(confirm("LEDGER_TRANSFER_CONFIRMED", "LOAN-OK-OUT", Map.of())).isEqualTo(Answer.PRESENT);
        assertThat(confirm("LEDGER_TRANSFER_CONFIRMED", "LOAN-TRIED-OUT", Map.of())).isEqualTo(Answer.ABSENT);
        assertThat(confirm("LEDGER_TRANSFER_CONFIRMED", "LOAN-NONE-OUT", Map.of())).isEqualTo(Answer.ABSENT);
        assertThat(confirm("LEDGER_TRANSFER_CONFIRMED", "LOAN-DOWN-OUT", Map.of())).isEqualTo(Answer.UNREACHABLE);
        assertThat(confirm("LEDGER_TRANSFER_CONFIRMED", "no-direction", Map.of())).isEqualTo(Answer.ABSENT);
        assertThat(confirm("LEDGER_LOAN_REPAID", "LOAN-X-R-1", Map.of())).isEqualTo(Answer.ABSENT);
    }

    @Test
    void a_missing_loan_event_is_read_from_the_loans_status_whichever_side_came() {
        Map<String, Object> ledgerSide = Map.of("transferId", "LOAN-LN-ACTIVE",
                "occurredAt", T0.toString());
        assertThat(confirm("LOAN_DRAWDOWN_COMMITTED", "k", ledgerSide)).isEqualTo(Answer.PRESENT);
        assertThat(confirm("LOAN_DRAWDOWN_COMMITTED", "k", Map.of("holdId", "loan:LN-DISBURSING")))
                .isEqualTo(Answer.PRESENT);
        assertThat(confirm("CREDIT_HOLD_USED", "k", Map.of("loanId", "LN-REPAID"))).isEqualTo(Answer.PRESENT);
        assertThat(confirm("CREDIT_HOLD_USED", "k", Map.of("loanId", "LN-REFUSED"))).isEqualTo(Answer.ABSENT);
        assertThat(confirm("CREDIT_HOLD_USED", "k", Map.of("loanId", "LN-NONE"))).isEqualTo(Answer.ABSENT);
        assertThat(confirm("CREDIT_HOLD_USED", "k", Map.of("loanId", "LN-DOWN"))).isEqualTo(Answer.UNREACHABLE);
        assertThat(confirm("LOAN_DRAWDOWN_COMMITTED", "k", Map.of("transferId", "FX-1"))).isEqualTo(Answer.NO_SOURCE);

        Map<String, Object> pending = Map.of("loanId", "LN-PENDING", "occurredAt", T0.toString());
        assertThat(confirm("LOAN_DRAWDOWN_COMMITTED", "k", pending)).as("credit's sweeper may still resolve it")
                .isEqualTo(Answer.PENDING);
        assertThat(at(T0.plus(GRACE)).confirm(List.of("LOAN_DRAWDOWN_COMMITTED"), "k", pending))
                .isEqualTo(Answer.ABSENT);
    }

    @Test
    void a_missing_repayment_event_is_read_from_the_loans_applied_repayments() {
        assertThat(confirm("CREDIT_HOLD_RETURNED", "k", Map.of("loanId", "LN-ACTIVE", "repaymentId", "RP-1")))
                .isEqualTo(Answer.PRESENT);
        assertThat(confirm("LOAN_REPAID", "k", Map.of("voucherNo", "LOAN-LN-ACTIVE-R-1"))).isEqualTo(Answer.PRESENT);
        assertThat(confirm("LOAN_REPAID", "k", Map.of("holdId", "loan:LN-ACTIVE", "requestId", "repay:RP-1")))
                .isEqualTo(Answer.PRESENT);

        Map<String, Object> notApplied = Map.of("voucherNo", "LOAN-LN-ACTIVE-R-2", "occurredAt", T0.toString());
        assertThat(confirm("LOAN_REPAID", "k", notApplied)).isEqualTo(Answer.PENDING);
        assertThat(at(T0.plus(GRACE)).confirm(List.of("LOAN_REPAID"), "k", notApplied)).isEqualTo(Answer.ABSENT);
        assertThat(confirm("LOAN_REPAID", "k", Map.of("voucherNo", "RP-20261202-0007"))).isEqualTo(Answer.NO_SOURCE);
    }

    @Test
    void a_holds_settlement_is_read_from_what_is_still_frozen_and_its_deadline() {
        assertThat(counterparts.confirm(SETTLED, "h-used", frozen(100))).as("moved out: late").isEqualTo(Answer.PRESENT);
        assertThat(counterparts.confirm(SETTLED, "h-part", frozen(100))).isEqualTo(Answer.PRESENT);
        assertThat(counterparts.confirm(SETTLED, "h-open", frozen(100))).as("no expiry: the caller's to settle")
                .isEqualTo(Answer.PENDING);

        assertThat(at(T0.plus(GRACE).minusMillis(1)).confirm(SETTLED, "expiring-open", frozen(100)))
                .isEqualTo(Answer.PENDING);
        assertThat(at(T0.plus(GRACE)).confirm(SETTLED, "expiring-open", frozen(100)))
                .as("the expiry sweeper did not run").isEqualTo(Answer.ABSENT);
        assertThat(at(T0.plus(GRACE)).confirm(SETTLED, "tcc-open", frozen(100)))
                .as("phase two did not run").isEqualTo(Answer.ABSENT);
        assertThat(counterparts.confirm(SETTLED, "tcc-open", frozen(100))).isEqualTo(Answer.PENDING);

        assertThat(confirm("CREDIT_HOLD_FROZEN", "h-used", Map.of())).isEqualTo(Answer.PRESENT);
        assertThat(confirm("CREDIT_HOLD_FROZEN", "h-NONE", Map.of())).isEqualTo(Answer.ABSENT);
        assertThat(confirm("CREDIT_HOLD_FROZEN", "h-DOWN", Map.of())).isEqualTo(Answer.UNREACHABLE);
    }

    private Answer confirm(String missing, String key, Map<String, Object> present) {
        return counterparts.confirm(List.of(missing), key, present);
    }
}
