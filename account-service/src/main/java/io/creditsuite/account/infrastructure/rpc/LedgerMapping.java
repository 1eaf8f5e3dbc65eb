package io.creditsuite.account.infrastructure.rpc;

import io.creditsuite.account.application.LedgerQueries;
import io.creditsuite.account.application.PostingReceipt;
import io.creditsuite.account.domain.AccountKind;
import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.Leg;
import io.creditsuite.account.domain.PendingCredit;
import io.creditsuite.account.domain.PostingMode;
import io.creditsuite.account.domain.Side;
import io.creditsuite.api.account.AccountStatus;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.EntrySide;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.JournalEntryView;
import io.creditsuite.api.account.LegRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.PostingResult;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/** Wire types to domain types and back; domain refusals to published error codes. */
final class LedgerMapping {
    private LedgerMapping() {
    }

    static ApiException toApi(LedgerException e) {
        ErrorCode code = switch (e.error()) {
            case ACCOUNT_NOT_FOUND -> ErrorCode.ACCOUNT_NOT_FOUND;
            case CURRENCY_MISMATCH -> ErrorCode.LEDGER_CURRENCY_MISMATCH;
            case AMOUNT_NOT_POSITIVE -> ErrorCode.AMOUNT_NOT_POSITIVE;
            case AMOUNT_OVERFLOW -> ErrorCode.AMOUNT_OVERFLOW;
            case POSTING_UNBALANCED -> ErrorCode.POSTING_UNBALANCED;
            case ACCOUNT_CLOSED -> ErrorCode.ACCOUNT_CLOSED;
            case ACCOUNT_FROZEN -> ErrorCode.ACCOUNT_FROZEN;
            case INSUFFICIENT_BALANCE -> ErrorCode.INSUFFICIENT_BALANCE;
            case VOUCHER_REUSED -> ErrorCode.VOUCHER_REUSED;
            case ENTRY_ALREADY_REVERSED -> ErrorCode.ENTRY_ALREADY_REVERSED;
            case VOUCHER_NOT_FOUND -> ErrorCode.VOUCHER_NOT_FOUND;
            case POSTING_MALFORMED -> ErrorCode.POSTING_MALFORMED;
            case LEDGER_BUSY -> ErrorCode.LEDGER_BUSY;
            case TRANSFER_REUSED -> ErrorCode.TRANSFER_REUSED;
            case INVALID_ARGUMENT -> ErrorCode.INVALID_ARGUMENT;
            case STATUS_TRANSITION_ILLEGAL -> ErrorCode.ACCOUNT_STATUS_TRANSITION_ILLEGAL;
            case ACCOUNT_CLOSED_FINAL -> ErrorCode.ACCOUNT_CLOSED_FINAL;
            case ACCOUNT_NOT_EMPTY -> ErrorCode.ACCOUNT_NOT_EMPTY;
            case REQUEST_ID_REUSED -> ErrorCode.REQUEST_ID_REUSED;
        };
        return new ApiException(code, e.getMessage());
    }

    static List<Leg> legs(List<LegRequest> requests) {
        if (requests == null) {
            throw new ApiException(ErrorCode.POSTING_MALFORMED, "a posting needs legs");
        }
        List<Leg> legs = new ArrayList<>(requests.size());
        for (LegRequest r : requests) {
            if (r == null || r.entrySide() == null) {
                throw new ApiException(ErrorCode.POSTING_MALFORMED, "every leg needs a side, DEBIT or CREDIT");
            }
            legs.add(new Leg(r.accountId(), side(r.entrySide()), r.amountMinor(), r.currency()));
        }
        return legs;
    }

    static Side side(EntrySide side) {
        return side == EntrySide.DEBIT ? Side.DEBIT : Side.CREDIT;
    }

    static EntrySide side(Side side) {
        return side == Side.DEBIT ? EntrySide.DEBIT : EntrySide.CREDIT;
    }

    static AccountKind kind(AccountType type) {
        return AccountKind.valueOf(type.name());
    }

    static PostingMode mode(HotMode mode) {
        return PostingMode.valueOf(mode.name());
    }

    static PostingResult result(PostingReceipt r) {
        PostingOutcome outcome = PostingOutcome.valueOf(r.outcome().name());
        List<JournalEntryView> views = new ArrayList<>();
        r.entries().forEach(e -> views.add(view(e)));
        r.pending().forEach(p -> views.add(view(p)));
        return new PostingResult(r.voucherNo(), outcome, r.replayed(), views);
    }

    static JournalEntryView view(JournalEntry e) {
        return new JournalEntryView(e.id() == null ? 0 : e.id(), e.accountId(), e.version(), e.voucherNo(), e.legNo(),
                e.reversal(), e.reversedEntryId(), e.postingType(), side(e.side()), e.amountMinor(), e.currency(),
                e.balanceBeforeMinor(), e.balanceAfterMinor(), e.accountingDate().toString(), e.traceId(),
                e.previousHash(), e.hash(), true);
    }

    static JournalEntryView view(PendingCredit p) {
        return new JournalEntryView(p.id() == null ? 0 : p.id(), p.accountId(), 0, p.origin().voucherNo(),
                p.origin().legNo(), p.origin().reversal(), p.origin().reversedEntryId(), p.origin().postingType(),
                side(p.side()), p.amountMinor(), p.currency(), 0, 0, p.origin().accountingDate().toString(),
                p.origin().traceId(), null, null, false);
    }

    static AccountView view(LedgerQueries.Balances b) {
        var a = b.account();
        var terms = a.terms();
        return new AccountView(a.id(), terms.ownerId(), AccountType.valueOf(terms.kind().name()), terms.currency(),
                AccountStatus.valueOf(a.state().name()), terms.overdraftMinor(), terms.floorMinor(),
                HotMode.valueOf(a.mode().name()), b.subAccounts(), b.availableMinor(), b.frozenMinor(),
                b.inTransitMinor(), b.pendingMinor(), b.balanceMinor(), a.version());
    }
}
