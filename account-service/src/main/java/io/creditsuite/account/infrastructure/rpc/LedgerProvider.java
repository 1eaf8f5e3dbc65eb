package io.creditsuite.account.infrastructure.rpc;

import io.creditsuite.support.trace.BusinessTags;
import io.creditsuite.account.application.LedgerQueries;
import io.creditsuite.account.application.OpenAccountHandler;
import io.creditsuite.account.application.PostCommand;
import io.creditsuite.account.application.PostHandler;
import io.creditsuite.account.application.ReverseHandler;
import io.creditsuite.account.domain.ChainVerifier;
import io.creditsuite.account.domain.DerivedVoucher;
import io.creditsuite.account.domain.JournalEntry;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.AccountTerms;
import io.creditsuite.account.domain.HotRouting;
import io.creditsuite.account.domain.NewAccount;
import io.creditsuite.account.domain.Posting;
import io.creditsuite.account.domain.PostingTemplate;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.ChainReport;
import io.creditsuite.api.account.JournalEntryView;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.LoanRepayRequest;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.PostingRequest;
import io.creditsuite.api.account.PostingResult;
import io.creditsuite.api.account.ReversalRequest;
import io.creditsuite.api.account.StatementPage;
import io.creditsuite.api.account.StatementQuery;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.support.requestid.RequestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * The ledger over Dubbo. Validates at the edge (nulls, shapes), then hands a command to a use
 * case; domain refusals become {@link ApiException}s with their published codes.
 */
@DubboService
public class LedgerProvider implements LedgerService {
    private final OpenAccountHandler openAccount;
    private final PostHandler post;
    private final ReverseHandler reverse;
    private final LedgerQueries queries;

    public LedgerProvider(OpenAccountHandler openAccount, PostHandler post, ReverseHandler reverse,
                          LedgerQueries queries) {
        this.openAccount = openAccount;
        this.post = post;
        this.reverse = reverse;
        this.queries = queries;
    }

    @Override
    public AccountView openAccount(OpenAccountRequest r) {
        return guarded(() -> {
            require(r != null && r.type() != null && r.hotMode() != null, "an account needs a type and a hot mode");
            var account = openAccount.open(new NewAccount(
                    new AccountTerms(r.ownerId(), LedgerMapping.kind(r.type()), r.currency(), r.overdraftMinor(),
                            r.floorMinor()),
                    new HotRouting(LedgerMapping.mode(r.hotMode()), null, r.subAccounts(), r.collectBelowMinor())));
            return LedgerMapping.view(queries.balances(account.id()));
        });
    }

    @Override
    public AccountView account(long accountId) {
        return guarded(() -> LedgerMapping.view(queries.balances(accountId)));
    }

    @Override
    public PostingResult post(PostingRequest r) {
        return guarded(() -> {
            require(r != null, "a posting request is required");
            return posted(new Posting(r.voucherNo(), r.postingType(), LedgerMapping.legs(r.legs())));
        });
    }

    @Override
    public PostingResult recharge(TemplateRequest r) {
        return template(PostingTemplate.RECHARGE, r);
    }

    @Override
    public PostingResult withdraw(TemplateRequest r) {
        return template(PostingTemplate.WITHDRAW, r);
    }

    @Override
    public PostingResult collectServiceFee(TemplateRequest r) {
        return template(PostingTemplate.SERVICE_FEE_COLLECT, r);
    }

    @Override
    public PostingResult payServiceFee(TemplateRequest r) {
        return template(PostingTemplate.SERVICE_FEE_PAY, r);
    }

    @Override
    public PostingResult disburseLoan(TemplateRequest r) {
        return template(PostingTemplate.LOAN_DISBURSE, r);
    }

    @Override
    public PostingResult repayLoan(LoanRepayRequest r) {
        return guarded(() -> {
            require(r != null, "a repayment request is required");
            return posted(PostingTemplate.loanRepayment(r.voucherNo(), r.clearingAccountId(), r.loanAccountId(),
                    r.interestIncomeAccountId(), r.principalMinor(), r.interestMinor(), r.currency()));
        });
    }

    @Override
    public PostingResult reverse(ReversalRequest r) {
        return guarded(() -> {
            require(r != null, "a reversal request is required");
            BusinessTags.tag("voucher", r.voucherNo());
            return LedgerMapping.result(reverse.reverse(r.voucherNo(), r.reason(), traceId()));
        });
    }

    @Override
    public PostingResult entriesByVoucher(String voucherNo) {
        return guarded(() -> {
            DerivedVoucher.requireLedgerVoucher(voucherNo);
            List<JournalEntryView> views = new ArrayList<>();
            queries.entriesByVoucher(voucherNo).forEach(e -> views.add(LedgerMapping.view(e)));
            queries.pendingByVoucher(voucherNo).forEach(p -> views.add(LedgerMapping.view(p)));
            if (views.isEmpty()) {
                // a buffered posting accepted and then refused when applied: its refusal is the voucher's answer
                var refusal = queries.bufferedRefusal(voucherNo);
                if (refusal.isPresent() && refusal.get().error() == LedgerError.INSUFFICIENT_BALANCE) {
                    return new PostingResult(voucherNo, PostingOutcome.INSUFFICIENT_BALANCE, true, List.of());
                }
                if (refusal.isPresent()) {
                    throw refusal.get().asRefusal();
                }
                throw new ApiException(ErrorCode.VOUCHER_NOT_FOUND, "no posting has voucher " + voucherNo);
            }
            return new PostingResult(voucherNo, PostingOutcome.POSTED, true, views);
        });
    }

    @Override
    public StatementPage statement(StatementQuery q) {
        return guarded(() -> {
            require(q != null, "a statement query is required");
            List<JournalEntry> page = queries.statement(q.accountId(), q.afterVersion(), q.pageSize());
            List<JournalEntryView> views = page.stream().map(LedgerMapping::view).toList();
            Long next = page.size() < q.pageSize() ? null : page.get(page.size() - 1).version();
            return new StatementPage(q.accountId(), views, next);
        });
    }

    @Override
    public ChainReport verifyChain(long accountId) {
        return guarded(() -> {
            ChainVerifier.Verdict v = queries.verifyChain(accountId);
            return new ChainReport(accountId, v.intact(), v.checked(), v.brokenEntryId(), v.brokenVersion(), v.reason());
        });
    }

    @Override
    public ChainReport verifyChainAfter(long accountId, long verifiedVersion, String verifiedHash) {
        return guarded(() -> {
            require(verifiedVersion >= 0, "verifiedVersion must be >= 0");
            require(verifiedVersion == 0 || verifiedHash != null && verifiedHash.matches("[0-9a-f]{64}"),
                    "verifiedHash must be the verified entry's 64 hex digits");
            ChainVerifier.Verdict v = queries.verifyChainAfter(accountId, verifiedVersion, verifiedHash);
            return new ChainReport(accountId, v.intact(), v.checked(), v.brokenEntryId(), v.brokenVersion(), v.reason());
        });
    }

    private PostingResult template(PostingTemplate template, TemplateRequest r) {
        return guarded(() -> {
            require(r != null, "a request is required");
            return posted(template.post(r.voucherNo(), r.debitAccountId(), r.creditAccountId(), r.amountMinor(),
                    r.currency()));
        });
    }

    private PostingResult posted(Posting posting) {
        // a caller's voucher: the ledger's own namespace (DerivedVoucher) is refused by name
        Posting.requireVoucher(posting.voucherNo());
        BusinessTags.tag("voucher", posting.voucherNo());
        return LedgerMapping.result(post.post(new PostCommand(posting, traceId())));
    }

    private static String traceId() {
        String id = RequestIds.current();
        return id == null ? "" : id.length() > 64 ? id.substring(0, 64) : id;
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, detail);
        }
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (LedgerException e) {
            throw LedgerMapping.toApi(e);
        } catch (ArithmeticException e) {
            throw new ApiException(ErrorCode.AMOUNT_OVERFLOW, "an amount overflows a long");
        }
    }
}
