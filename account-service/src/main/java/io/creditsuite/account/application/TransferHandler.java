package io.creditsuite.account.application;

import io.creditsuite.account.domain.Account;
import io.creditsuite.account.domain.AccountRepository;
import io.creditsuite.account.domain.AccountingCalendar;
import io.creditsuite.account.domain.JournalRepository;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.Transfer;
import io.creditsuite.account.domain.TransferEvents;
import io.creditsuite.account.domain.TransferRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the TCC transfer branches. Each phase runs in the local transaction Seata's fence
 * opens (REQUIRED joins it), so the fence row and the effect commit or roll back together.
 */
public class TransferHandler {
    private final TransferRepository transfers;
    private final AccountRepository accounts;
    private final JournalRepository journal;
    private final AccountingCalendar calendar;
    private final TransferEvents events;

    public TransferHandler(TransferRepository transfers, AccountRepository accounts, JournalRepository journal,
                           AccountingCalendar calendar, TransferEvents events) {
        this.transfers = transfers;
        this.accounts = accounts;
        this.journal = journal;
        this.calendar = calendar;
        this.events = events;
    }

    /**
     * Try: records the branch and reserves both legs of its confirm (see {@link io.creditsuite.account.domain.TransferReservationPolicy}),
     * both rows locked in ascending id. A retried try with the same body is a no-op.
     */
    @Transactional
    public void tryTransfer(Transfer transfer) {
        // first lock of the transaction (see AccountingCalendar): the try's chained records carry the date
        LocalDate date = calendar.dateInForce();
        Map<Long, Account> locked = accounts.lockAscending(List.of(transfer.accountId(), transfer.contraAccountId()));
        Account account = locked.get(transfer.accountId());
        Account contra = locked.get(transfer.contraAccountId());
        if (account == null || contra == null) {
            throw new LedgerException(LedgerError.ACCOUNT_NOT_FOUND, "account " + (account == null
                    ? transfer.accountId() : transfer.contraAccountId()) + " does not exist");
        }
        if (!transfers.insertTried(transfer)) {
            Transfer existing = transfers.find(transfer.transferId(), transfer.direction()).orElseThrow();
            if (!existing.sameBody(transfer) || !existing.xid().equals(transfer.xid())) {
                throw new LedgerException(LedgerError.TRANSFER_REUSED, "transfer " + transfer.transferId() + " "
                        + transfer.direction() + " was already tried with another body or transaction");
            }
            return;
        }
        journal.insertAll(transfer.reserve(account, contra, date));
        accounts.saveChanged(List.of(account, contra));
    }

    /**
     * Confirm: posts the reserved legs with journal entries and tells {@link TransferEvents#confirmed} in the same
     * transaction; a repeated confirm changes nothing and tells nothing.
     */
    @Transactional
    public void confirm(String transferId, Transfer.Direction direction, String traceId) {
        // first lock of the transaction: the date in force at commit (see AccountingCalendar)
        LocalDate date = calendar.dateInForce();
        Optional<Transfer> found = transfers.lock(transferId, direction);
        if (found.isEmpty() || found.get().phase() != Transfer.Phase.TRIED) {
            if (found.isPresent() && found.get().phase() == Transfer.Phase.CANCELLED) {
                throw new IllegalStateException("transfer " + transferId + " " + direction + " was cancelled; it cannot confirm");
            }
            return;
        }
        Transfer t = found.get();
        Map<Long, Account> locked = accounts.lockAscending(List.of(t.accountId(), t.contraAccountId()));
        journal.insertAll(t.settle(locked.get(t.accountId()), locked.get(t.contraAccountId()), date, traceId));
        accounts.saveChanged(locked.values());
        transfers.changePhase(t.in(Transfer.Phase.CONFIRMED), Transfer.Phase.TRIED);
        events.confirmed(t.in(Transfer.Phase.CONFIRMED), date, traceId);
    }

    /**
     * Cancel: releases the try, keeps the record CANCELLED and tells {@link TransferEvents#cancelled} in the same
     * transaction; a repeated cancel (or one before any try) changes nothing and tells nothing.
     */
    @Transactional
    public void cancel(String transferId, Transfer.Direction direction) {
        LocalDate date = calendar.dateInForce();
        Optional<Transfer> found = transfers.lock(transferId, direction);
        if (found.isEmpty() || found.get().phase() != Transfer.Phase.TRIED) {
            if (found.isPresent() && found.get().phase() == Transfer.Phase.CONFIRMED) {
                throw new IllegalStateException("transfer " + transferId + " " + direction + " was confirmed; it cannot cancel");
            }
            return;
        }
        Transfer t = found.get();
        Map<Long, Account> locked = accounts.lockAscending(List.of(t.accountId(), t.contraAccountId()));
        journal.insertAll(t.release(locked.get(t.accountId()), locked.get(t.contraAccountId()), date));
        accounts.saveChanged(locked.values());
        transfers.changePhase(t.in(Transfer.Phase.CANCELLED), Transfer.Phase.TRIED);
        events.cancelled(t.in(Transfer.Phase.CANCELLED), date);
    }

    public Optional<Transfer> find(String transferId, Transfer.Direction direction) {
        return transfers.find(transferId, direction);
    }
}
