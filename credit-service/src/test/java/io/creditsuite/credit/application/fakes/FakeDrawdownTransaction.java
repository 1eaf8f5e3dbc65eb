package io.creditsuite.credit.application.fakes;

import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.credit.LimitOperationResult;
import io.creditsuite.api.credit.LimitOutcome;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.application.FreezeLimitHandler;
import io.creditsuite.credit.application.HoldOperationHandler;
import io.creditsuite.credit.application.lending.LendingErrors;
import io.creditsuite.credit.domain.lending.DrawdownTransaction;
import io.creditsuite.credit.domain.lending.Ledger;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.Refusal;
import io.creditsuite.credit.domain.lending.RefusalReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A transaction coordinator in memory: credit's try is the real {@code FreezeLimitHandler.tryTcc} on the in-memory
 * ports, account's try is scripted ({@link #fundingRefusal}); phase two runs at once, or is kept back
 * ({@link #deferPhaseTwo}) until {@link #runPhaseTwo()}, as Seata's asynchronous phase two.
 */
public final class FakeDrawdownTransaction implements DrawdownTransaction {
    private final FreezeLimitHandler freeze;
    private final HoldOperationHandler holds;
    private final InMemoryLimitDirectory directory;
    private final FakeLedger ledger;
    private final List<Runnable> phaseTwo = new ArrayList<>();
    private int xids;

    /** account's try throws this (e.g. INSUFFICIENT_BALANCE) */
    public ApiException fundingRefusal;
    /** the TC or account-service does not answer the account try */
    public boolean fundingUnavailable;
    public boolean deferPhaseTwo;
    /** the commit's answer is lost after the TC committed (phase two still runs) */
    public boolean loseCommitAnswer;
    public int runs;

    public FakeDrawdownTransaction(InMemoryCredit credit, FakeLedger ledger) {
        this.freeze = credit.freeze;
        this.holds = credit.holds;
        this.directory = credit.directory;
        this.ledger = ledger;
    }

    @Override
    public Attempt run(Loan loan, FundingLegs legs, Consumer<String> begun) {
        runs++;
        String xid = "xid-" + (++xids);
        begun.accept(xid);
        Optional<Refusal> refused = tryCredit(loan, xid);
        if (refused.isEmpty()) {
            if (fundingRefusal != null) {
                refused = Optional.of(LendingErrors.ofFundingTry(fundingRefusal, legs.loanAccountId()));
            } else if (fundingUnavailable) {
                refused = Optional.of(new Refusal(RefusalReason.UNAVAILABLE, "account-service did not answer"));
            } else {
                ledger.payouts.put(loan.transferId(), Ledger.PayoutState.TRIED);
            }
        }
        if (refused.isPresent()) {
            phase(() -> {
                if (directory.hold(loan.holdId()).isPresent()) {
                    holds.cancelTry(loan.holdId());
                }
                ledger.payouts.computeIfPresent(loan.transferId(), (id, s) -> Ledger.PayoutState.CANCELLED);
            });
            return new RolledBack(xid, refused.get());
        }
        phase(() -> {
            holds.confirmTry(loan.holdId(), loan.amountMinor());
            ledger.payouts.put(loan.transferId(), Ledger.PayoutState.CONFIRMED);
        });
        return loseCommitAnswer ? new Undecided(xid, "lost") : new Committed(xid);
    }

    /** Runs the phase two kept back. */
    public void runPhaseTwo() {
        List<Runnable> pending = new ArrayList<>(phaseTwo);
        phaseTwo.clear();
        pending.forEach(Runnable::run);
    }

    private void phase(Runnable step) {
        if (deferPhaseTwo) {
            phaseTwo.add(step);
        } else {
            step.run();
        }
    }

    private Optional<Refusal> tryCredit(Loan loan, String xid) {
        try {
            LimitOperationResult result = freeze.tryTcc(new FreezeRequest(loan.holdId(), loan.terms().lineId(),
                    loan.terms().productNodeId(), 0, loan.amountMinor(), loan.terms().currency(), null), xid);
            if (result.outcome() == LimitOutcome.LIMIT_INSUFFICIENT) {
                throw new ApiException(ErrorCode.LIMIT_INSUFFICIENT, result.detail());
            }
            return Optional.empty();
        } catch (ApiException e) {
            return Optional.of(LendingErrors.ofCreditTry(e));
        }
    }
}
