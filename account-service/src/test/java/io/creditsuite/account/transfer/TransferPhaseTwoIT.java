package io.creditsuite.account.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.creditsuite.account.application.TransferHandler;
import io.creditsuite.account.domain.LedgerError;
import io.creditsuite.account.domain.LedgerException;
import io.creditsuite.account.domain.Transfer;
import io.creditsuite.account.ledger.LedgerItSupport;
import io.creditsuite.api.account.AccountStatusRequest;
import io.creditsuite.api.account.AccountStatusService;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.EntrySide;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.LegRequest;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.PostingRequest;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Phase two of a TCC transfer branch cannot fail for a business reason (issue 10, defects 1 and 2): whatever happens
 * to the contra account between try and confirm, the confirm settles what the try reserved; and its voucher lives
 * where no caller can post. The handler is called as the fence calls it (LedgerTransferTccIT runs the real TC).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TransferPhaseTwoIT extends LedgerItSupport {

    @Autowired
    TransferHandler transfers;
    @Autowired
    AccountStatusService status;

    @Test
    void a_contra_account_emptied_after_a_transfer_in_try_cannot_make_the_confirm_fail() {
        long bank = openAsset().accountId();
        long clearing = openCustomer().accountId();   // a liability without overdraft: it pays out only what it holds
        long payee = openCustomer().accountId();
        recharge(bank, clearing, 300);
        Transfer in = transfer(Transfer.Direction.IN, payee, clearing, 300);
        transfers.tryTransfer(in);

        // the clearing account's 300 is the TransIn's: nobody else may take it before phase two
        var withdrawal = ledger.withdraw(new TemplateRequest(voucher(), clearing, bank, 300, "CNY"));
        assertThat(withdrawal.outcome()).isEqualTo(PostingOutcome.INSUFFICIENT_BALANCE);

        transfers.confirm(in.transferId(), Transfer.Direction.IN, "trace");

        assertThat(balance(payee)).isEqualTo(300);
        assertThat(balance(clearing)).isZero();
        AccountView c = ledger.account(clearing);
        assertThat(c.frozenMinor()).isZero();
        assertThat(c.inTransitMinor()).isZero();
        assertThat(ledger.verifyChain(clearing).intact()).isTrue();
        assertThat(ledger.verifyChain(payee).intact()).isTrue();
    }

    @Test
    void a_contra_account_cannot_be_closed_while_a_tried_branch_needs_it_and_the_confirm_then_succeeds() {
        long bank = openAsset().accountId();
        long payer = openCustomer().accountId();
        long clearing = openCustomer().accountId();
        recharge(bank, payer, 500);
        Transfer out = transfer(Transfer.Direction.OUT, payer, clearing, 200);
        transfers.tryTransfer(out);

        ApiException close = catchThrowableOfType(ApiException.class, () -> status.close(request(clearing)));
        assertThat(close).as("close of a contra account a tried branch will settle on").isNotNull();
        assertThat(close.errorCode()).isEqualTo(ErrorCode.ACCOUNT_NOT_EMPTY);
        assertThat(close.getMessage()).contains("in transit 200");
        status.freeze(request(clearing));

        transfers.confirm(out.transferId(), Transfer.Direction.OUT, "trace");

        assertThat(balance(payer)).isEqualTo(300);
        assertThat(balance(clearing)).isEqualTo(200);
        assertThat(ledger.account(clearing).inTransitMinor()).isZero();
        assertThat(ledger.account(payer).frozenMinor()).isZero();
    }

    @Test
    void a_cancel_releases_the_reservation_on_both_accounts() {
        long bank = openAsset().accountId();
        long clearing = openCustomer().accountId();
        long payee = openCustomer().accountId();
        recharge(bank, clearing, 100);
        Transfer in = transfer(Transfer.Direction.IN, payee, clearing, 100);
        transfers.tryTransfer(in);
        assertThat(ledger.account(clearing).frozenMinor()).isEqualTo(100);

        transfers.cancel(in.transferId(), Transfer.Direction.IN);

        assertThat(ledger.account(clearing).frozenMinor()).isZero();
        assertThat(ledger.account(clearing).availableMinor()).isEqualTo(100);
        assertThat(ledger.account(payee).inTransitMinor()).isZero();
    }

    @Test
    void a_contra_leg_that_confirm_could_not_post_is_refused_at_try_and_reserves_nothing() {
        long bank = openAsset().accountId();
        long payer = openCustomer().accountId();
        long empty = openCustomer().accountId();
        long dollars = ledger.openAccount(new OpenAccountRequest("usd", AccountType.LIABILITY, "USD", 0, null,
                HotMode.NORMAL, 0, 0)).accountId();
        long split = ledger.openAccount(new OpenAccountRequest("split", AccountType.ASSET, "CNY", 1_000_000L, null,
                HotMode.SUBTRACT_FREQUENT, 2, 0)).accountId();
        recharge(bank, payer, 1_000);

        assertThat(refusedTry(transfer(Transfer.Direction.IN, payer, empty, 10))).isEqualTo(LedgerError.INSUFFICIENT_BALANCE);
        assertThat(refusedTry(transfer(Transfer.Direction.OUT, payer, dollars, 10))).isEqualTo(LedgerError.CURRENCY_MISMATCH);
        assertThat(refusedTry(transfer(Transfer.Direction.OUT, payer, split, 10))).isEqualTo(LedgerError.INVALID_ARGUMENT);

        AccountView p = ledger.account(payer);
        assertThat(p.availableMinor()).isEqualTo(1_000);
        assertThat(p.frozenMinor()).isZero();
        assertThat(p.inTransitMinor()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE account_id = ?", Long.class, split)).isZero();
    }

    @Test
    void a_caller_cannot_take_the_voucher_a_confirm_will_use() {
        long bank = openAsset().accountId();
        long payer = openCustomer().accountId();
        long clearing = ledger.openAccount(new OpenAccountRequest("in-transit", AccountType.LIABILITY, "CNY",
                1_000_000L, null, HotMode.NORMAL, 0, 0)).accountId();
        recharge(bank, payer, 1_000);
        Transfer out = transfer(Transfer.Direction.OUT, payer, clearing, 100);
        transfers.tryTransfer(out);

        // a caller takes the voucher the old scheme derived ("TCC-<id>-OUT"), before the confirm
        String oldScheme = "TCC-" + out.transferId() + "-OUT";
        assertThat(ledger.recharge(new TemplateRequest(oldScheme, bank, payer, 5, "CNY")).outcome())
                .isEqualTo(PostingOutcome.POSTED);

        transfers.confirm(out.transferId(), Transfer.Direction.OUT, "trace");

        // the derived voucher is refused to callers by name, for a posting and for a reversal
        String derived = "#TCC-" + out.transferId() + "-OUT";
        ApiException refused = catchThrowableOfType(ApiException.class, () -> ledger.post(new PostingRequest(derived,
                "CUSTOM", List.of(new LegRequest(bank, EntrySide.DEBIT, 5, "CNY"),
                        new LegRequest(payer, EntrySide.CREDIT, 5, "CNY")))));
        assertThat(refused).isNotNull();
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(refused.getMessage()).contains("reserved");
        assertThat(catchThrowableOfType(ApiException.class, () -> ledger.reverse(
                new io.creditsuite.api.account.ReversalRequest(derived, "x"))).errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(ledger.entriesByVoucher(derived).entries()).hasSize(2);
        assertThat(ledger.entriesByVoucher(oldScheme).entries()).hasSize(2);
        assertThat(balance(payer)).isEqualTo(1_000 + 5 - 100);
        assertThat(ledger.account(payer).frozenMinor()).isZero();
    }

    private LedgerError refusedTry(Transfer t) {
        LedgerException e = catchThrowableOfType(LedgerException.class, () -> transfers.tryTransfer(t));
        assertThat(e).as("try of " + t).isNotNull();
        assertThat(transfers.find(t.transferId(), t.direction())).isEmpty();
        return e.error();
    }

    private static AccountStatusRequest request(long accountId) {
        return new AccountStatusRequest("st-" + UUID.randomUUID(), accountId, "ops", "test");
    }

    private static Transfer transfer(Transfer.Direction direction, long account, long contra, long amount) {
        return new Transfer("t-" + UUID.randomUUID().toString().substring(0, 30), direction, account, contra, amount,
                "CNY", Transfer.Phase.TRIED, "xid-" + UUID.randomUUID());
    }
}
