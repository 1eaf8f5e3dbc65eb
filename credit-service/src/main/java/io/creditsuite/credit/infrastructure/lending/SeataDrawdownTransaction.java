package io.creditsuite.credit.infrastructure.lending;

import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.TransferBranchRequest;
import io.creditsuite.api.credit.FreezeRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.credit.application.lending.LendingErrors;
import io.creditsuite.credit.domain.lending.DrawdownTransaction;
import io.creditsuite.credit.domain.lending.Loan;
import io.creditsuite.credit.domain.lending.Refusal;
import io.creditsuite.credit.domain.lending.RefusalReason;
import io.creditsuite.credit.infrastructure.metrics.DrawdownStages;
import io.creditsuite.credit.infrastructure.rpc.CreditLimitTccAction;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.RpcException;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drawdown's global transaction as its transaction manager (TM), with Seata's programmatic API (as
 * {@code TccProbeInitiator}): begin, credit's TCC try in this JVM ({@link CreditLimitTccAction}, hold
 * {@code loan:<loanId>}), account-service's TransOut try over Dubbo (the xid travels as an attachment), then commit,
 * or roll back on the first refusal. An answer that leaves the outcome unknown (the commit's or the rollback's) is
 * {@link DrawdownTransaction.Undecided}: the PENDING loan is settled later from the facts. The xid is always unbound
 * from this thread at the end. Between the tries and the commit sits a fault-injection hook ({@link PauseBeforeCommit}),
 * off unless a test or an operator turns it on.
 */
public class SeataDrawdownTransaction implements DrawdownTransaction {
    private static final Logger log = LoggerFactory.getLogger(SeataDrawdownTransaction.class);
    private static final String NAME = "loan-drawdown";
    private static final Set<GlobalStatus> COMMITTED = EnumSet.of(GlobalStatus.Committed, GlobalStatus.Committing,
            GlobalStatus.AsyncCommitting, GlobalStatus.CommitRetrying);
    /** Finished (the TC no longer knows the session) is not here: it does not say how the session ended. */
    private static final Set<GlobalStatus> ROLLED_BACK = EnumSet.of(GlobalStatus.Rollbacked, GlobalStatus.Rollbacking,
            GlobalStatus.RollbackRetrying, GlobalStatus.TimeoutRollbacked, GlobalStatus.TimeoutRollbacking,
            GlobalStatus.TimeoutRollbackRetrying);

    private final CreditLimitTccAction creditTry;
    private final AccountTransferService account;
    private final Duration globalTimeout;
    private final Duration accountTryTimeout;
    private final PauseBeforeCommit pauseBeforeCommit;

    /** @param pauseBeforeCommit fault injection between the tries and the commit, normally off (see the hook) */
    public SeataDrawdownTransaction(CreditLimitTccAction creditTry, AccountTransferService account,
                                    Duration globalTimeout, Duration accountTryTimeout,
                                    PauseBeforeCommit pauseBeforeCommit) {
        this.creditTry = creditTry;
        this.account = account;
        this.globalTimeout = globalTimeout;
        this.accountTryTimeout = accountTryTimeout;
        this.pauseBeforeCommit = pauseBeforeCommit;
    }

    @Override
    public Attempt run(Loan loan, FundingLegs legs, Consumer<String> begun) {
        if (RootContext.getXID() != null) {
            throw new IllegalStateException("a drawdown begins its own global transaction; this thread is in "
                    + RootContext.getXID());
        }
        GlobalTransaction tx = GlobalTransactionContext.createNew();
        long beginStart = System.nanoTime();
        try {
            tx.begin((int) globalTimeout.toMillis(), NAME);
            DrawdownStages.TC_BEGIN.record(System.nanoTime() - beginStart, TimeUnit.NANOSECONDS);
        } catch (TransactionException | RuntimeException e) {
            log.warn("the Seata TC did not begin a global transaction for loan {}", loan.loanId(), e);
            return new RolledBack(null, new Refusal(RefusalReason.UNAVAILABLE,
                    "the Seata TC did not begin a global transaction; nothing was tried"));
        }
        String xid = tx.getXid();
        try {
            begun.accept(xid);
            Optional<Refusal> refused = DrawdownStages.time(DrawdownStages.CREDIT_TRY, () -> tryCredit(loan));
            if (refused.isEmpty()) {
                refused = DrawdownStages.time(DrawdownStages.ACCOUNT_TRY, () -> tryFunding(loan, legs));
            }
            if (refused.isPresent()) {
                return rollback(tx, refused.get());
            }
            pauseBeforeCommit.await(loan.loanId(), xid);
            return DrawdownStages.time(DrawdownStages.TC_COMMIT, () -> commit(tx));
        } catch (RuntimeException e) {
            log.error("drawdown of loan {} in {} failed", loan.loanId(), xid, e);
            return rollback(tx, new Refusal(RefusalReason.UNAVAILABLE, "the drawdown failed in credit-service ("
                    + e.getClass().getSimpleName() + "); see its log for " + xid));
        } finally {
            // commit and rollback unbind the xid; an exception before them must not leave it on this thread
            if (xid.equals(RootContext.getXID())) {
                RootContext.unbind();
            }
        }
    }

    private Optional<Refusal> tryCredit(Loan loan) {
        try {
            creditTry.tryFreeze(null, loan.holdId(), loan.amountMinor(), new FreezeRequest(loan.holdId(),
                    loan.terms().lineId(), loan.terms().productNodeId(), 0, loan.amountMinor(), loan.terms().currency(),
                    null));
            return Optional.empty();
        } catch (ApiException e) {
            return Optional.of(LendingErrors.ofCreditTry(e));
        }
    }

    private Optional<Refusal> tryFunding(Loan loan, FundingLegs legs) {
        RpcContext.getClientAttachment().setObjectAttachment(CommonConstants.TIMEOUT_KEY,
                (int) accountTryTimeout.toMillis());
        try {
            account.transOut(new TransferBranchRequest(loan.transferId(), legs.fundingAccountId(),
                    legs.loanAccountId(), loan.amountMinor(), loan.terms().currency()));
            return Optional.empty();
        } catch (ApiException e) {
            return Optional.of(LendingErrors.ofFundingTry(e, legs.loanAccountId()));
        } catch (RpcException e) {
            return Optional.of(new Refusal(RefusalReason.UNAVAILABLE, "account-service did not take the funding try"
                    + (e.isTimeout() ? " within " + accountTryTimeout : " (Dubbo error " + e.getCode() + ")")));
        }
    }

    private Attempt commit(GlobalTransaction tx) {
        try {
            tx.commit();
        } catch (TransactionException | RuntimeException e) {
            log.warn("the commit of {} got no clear answer", tx.getXid(), e);
            return new Undecided(tx.getXid(), "the commit got no clear answer from the Seata TC");
        }
        GlobalStatus status = tx.getLocalStatus();
        if (COMMITTED.contains(status)) {
            return new Committed(tx.getXid());
        }
        if (ROLLED_BACK.contains(status)) {
            return new RolledBack(tx.getXid(), new Refusal(RefusalReason.UNAVAILABLE, "the Seata TC rolled back "
                    + tx.getXid() + " at commit (" + status + "), e.g. past its timeout"));
        }
        return new Undecided(tx.getXid(), "the Seata TC answered the commit with " + status);
    }

    private Attempt rollback(GlobalTransaction tx, Refusal refusal) {
        try {
            tx.rollback();
            return new RolledBack(tx.getXid(), refusal);
        } catch (TransactionException | RuntimeException e) {
            // the TC rolls back on its own at the global timeout; until its phase two ran, the hold may stay frozen,
            // so the loan is settled later from the facts rather than reported as refused now
            log.warn("rollback of {} failed; the TC will time it out", tx.getXid(), e);
            return new Undecided(tx.getXid(), "refused (" + refusal.reason() + ") but the rollback got no clear answer");
        }
    }
}
