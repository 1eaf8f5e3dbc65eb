package io.creditsuite.reconcile.infrastructure.bcp;

import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.TransferDirection;
import io.creditsuite.api.account.TransferPhase;
import io.creditsuite.api.credit.CreditStateService;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.reconcile.application.realtime.Counterparts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.dubbo.rpc.RpcException;

/**
 * Each missing event asked of its own source of truth over Dubbo, for the current state: the ledger of
 * {@code LEDGER_TRANSFER_CONFIRMED} by the transfer branch's phase and of {@code LEDGER_LOAN_REPAID} by the voucher's
 * posting; credit-service of its hold, loan and repayment events by their rows now ({@link CreditCounterparts}). An
 * event no source can be asked about is {@code NO_SOURCE} (the window decides alone); a source that cannot be reached
 * is {@code UNREACHABLE} (the pair waits for the next sweep).
 */
public class DubboCounterparts implements Counterparts {
    /** The events that settle a hold's frozen part: any of them answers its CREDIT_HOLD_FROZEN. */
    private static final Set<String> HOLD_SETTLEMENTS = Set.of("CREDIT_HOLD_USED", "CREDIT_HOLD_RELEASED",
            "CREDIT_HOLD_EXPIRED");

    private final AccountTransferService transfers;
    private final LedgerService ledger;
    private final CreditCounterparts credit;

    /**
     * @param grace how long past its deadline a credit fact may still legitimately be missing: past a hold's expiry
     *              (the expiry sweeper's interval and lag), after a TCC try's FROZEN (the global transaction's timeout
     *              and phase two), after the ledger's side of a loan or repayment credit has not applied yet (the
     *              pending-loan and repayment sweepers); after it, the missing fact is raised
     */
    public DubboCounterparts(AccountTransferService transfers, LedgerService ledger, CreditStateService creditState,
                             Clock clock, Duration grace) {
        this.transfers = transfers;
        this.ledger = ledger;
        this.credit = new CreditCounterparts(creditState, clock, grace);
    }

    @Override
    public Answer confirm(List<String> missingEvents, String pairKey, Map<String, Object> present) {
        try {
            if (HOLD_SETTLEMENTS.containsAll(missingEvents) && "FREEZE".equals(present.get("flowType"))) {
                return credit.holdSettled(pairKey, present);
            }
            if (missingEvents.size() != 1) {
                return Answer.NO_SOURCE;
            }
            return switch (missingEvents.get(0)) {
                case "LEDGER_TRANSFER_CONFIRMED" -> transferConfirmed(pairKey);
                case "LEDGER_LOAN_REPAID" -> ledger.entriesByVoucher(pairKey).outcome() == PostingOutcome.POSTED
                        ? Answer.PRESENT : Answer.ABSENT;
                case "CREDIT_HOLD_FROZEN" -> credit.holdFrozen(pairKey);
                case "LOAN_DRAWDOWN_COMMITTED", "CREDIT_HOLD_USED" -> credit.drawdownCommitted(present);
                case "LOAN_REPAID", "CREDIT_HOLD_RETURNED" -> credit.repaid(present);
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
