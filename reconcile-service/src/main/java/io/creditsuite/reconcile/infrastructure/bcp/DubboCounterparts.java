package io.creditsuite.reconcile.infrastructure.bcp;

import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.TransferDirection;
import io.creditsuite.api.account.TransferPhase;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.lending.LendingService;
import io.creditsuite.reconcile.application.realtime.Counterparts;
import java.util.Map;
import java.util.Set;
import org.apache.dubbo.rpc.RpcException;

/**
 * The ledger as the source of truth of its own events, asked over Dubbo for the current state:
 * {@code LEDGER_TRANSFER_CONFIRMED} by the transfer branch's phase, {@code LEDGER_LOAN_REPAID} by the voucher's
 * posting. credit-service's loan events have no lookup by key alone yet (a loan is read with its partner id): for
 * them the window decides ({@code NO_SOURCE}).
 */
public class DubboCounterparts implements Counterparts {
    private static final Set<String> CONFIRMED_LOANS = Set.of("DISBURSING", "ACTIVE", "REPAID");

    private final AccountTransferService transfers;
    private final LedgerService ledger;
    private final LendingService lending;

    public DubboCounterparts(AccountTransferService transfers, LedgerService ledger, LendingService lending) {
        this.transfers = transfers;
        this.ledger = ledger;
        this.lending = lending;
    }

    @Override
    public Answer confirm(String missingEvent, String pairKey, Map<String, Object> present) {
        try {
            return switch (missingEvent) {
                case "LEDGER_TRANSFER_CONFIRMED" -> transferConfirmed(pairKey);
                case "LEDGER_LOAN_REPAID" -> ledger.entriesByVoucher(pairKey).outcome() == PostingOutcome.POSTED
                        ? Answer.PRESENT : Answer.ABSENT;
                case "CREDIT_HOLD_USED" -> present.get("partnerId") instanceof String partner
                        && present.get("loanId") instanceof String loan
                        ? (CONFIRMED_LOANS.contains(lending.loan(partner, loan).status()) ? Answer.PRESENT
                        : Answer.ABSENT) : Answer.NO_SOURCE;
                case "CREDIT_HOLD_RETURNED" -> present.get("partnerId") instanceof String partner
                        && present.get("loanId") instanceof String loan
                        && present.get("repaymentId") instanceof String repayment
                        ? (lending.repayments(partner, loan).stream().anyMatch(r -> repayment.equals(r.repaymentId()))
                        ? Answer.PRESENT : Answer.ABSENT) : Answer.NO_SOURCE;
                default -> Answer.NO_SOURCE;
            };
        } catch (ApiException e) {
            return e.errorCode().httpStatus() == 404 ? Answer.ABSENT : Answer.UNREACHABLE;
        } catch (RpcException e) {
            return Answer.UNREACHABLE;
        } catch (IllegalArgumentException e) {
            return Answer.ABSENT; // a key no branch can have (no direction suffix)
        }
    }

    /** {@code <transferId>-<direction>}: the branch's phase now. */
    private Answer transferConfirmed(String pairKey) {
        int dash = pairKey.lastIndexOf('-');
        if (dash <= 0) {
            return Answer.ABSENT;
        }
        TransferDirection direction = TransferDirection.valueOf(pairKey.substring(dash + 1));
        return transfers.transfer(pairKey.substring(0, dash), direction).phase() == TransferPhase.CONFIRMED
                ? Answer.PRESENT : Answer.ABSENT;
    }
}
