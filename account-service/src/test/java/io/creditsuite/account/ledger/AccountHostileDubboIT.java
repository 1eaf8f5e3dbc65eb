package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditsuite.api.account.AccountStatusRequest;
import io.creditsuite.api.account.AccountStatusService;
import io.creditsuite.api.account.AccountTransferService;
import io.creditsuite.api.account.DayEndService;
import io.creditsuite.api.account.EntrySide;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.LegRequest;
import io.creditsuite.api.account.LoanRepayRequest;
import io.creditsuite.api.account.PostingRequest;
import io.creditsuite.api.account.StatementQuery;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.api.account.TransferBranchRequest;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.support.hostile.HostileCase;
import io.creditsuite.support.hostile.HostileDubboBattery;
import io.creditsuite.support.hostile.HostileInputs;
import io.creditsuite.support.hostile.TableRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 14's hostile battery over Dubbo for account-service: every method of every interface the service exports,
 * called over the network with the cases {@link HostileInputs} makes by reflection, plus the money methods' own
 * cases (zero, negative, overflowing and unbalanced amounts, foreign currencies, hostile text on a real account) on
 * real accounts. Every case is an ApiException with a 4xx code that writes no row (journal entries and pending
 * details counted as one sum: a fold moves a detail into an entry at any time).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AccountHostileDubboIT extends LedgerItSupport {
    private static final Set<ErrorCode> AMOUNT = Set.of(ErrorCode.AMOUNT_NOT_POSITIVE, ErrorCode.INVALID_ARGUMENT,
            ErrorCode.POSTING_MALFORMED);
    private static final Set<ErrorCode> CURRENCY = Set.of(ErrorCode.INVALID_ARGUMENT, ErrorCode.LEDGER_CURRENCY_MISMATCH,
            ErrorCode.POSTING_MALFORMED);
    private static final String[] TEMPLATES = {"recharge", "withdraw", "collectServiceFee", "payServiceFee", "disburseLoan"};

    @Autowired
    ModuleModel dubboModule;

    @Test
    void every_exported_method_refuses_hostile_input_with_a_code_and_writes_nothing() {
        List<Class<?>> apis = HostileDubboBattery.exportedApis(dubboModule);
        assertThat(apis).contains(LedgerService.class, AccountTransferService.class, AccountStatusService.class,
                DayEndService.class);
        List<HostileCase> cases = new ArrayList<>();
        apis.forEach(api -> cases.addAll(HostileInputs.of(api)));
        // an overdraft, floor and collection threshold of Long.MAX_VALUE are >= 0 as NewAccount asks and open an
        // account; whether an overdraft needs a ceiling is a product rule nobody has written yet (left open)
        cases.removeIf(c -> c.label().equals("LedgerService.openAccount [max]"));
        cases.addAll(moneyCases());

        try (HostileDubboBattery battery = new HostileDubboBattery(dubboModule,
                TableRows.of(jdbc, table -> false, Set.of("journal_entry", "pending_credit")))) {
            battery.run(cases);
            System.out.println(battery.report());
            assertThat(battery.failures()).as(battery.report()).isEmpty();
        }
    }

    private List<HostileCase> moneyCases() {
        long clearing = openAsset().accountId();
        long customer = openCustomer().accountId();
        recharge(clearing, customer, 1_000);
        List<HostileCase> cases = new ArrayList<>();
        for (long bad : new long[] {0, -1, Long.MIN_VALUE}) {
            for (String template : TEMPLATES) {
                cases.add(HostileCase.of(LedgerService.class, template, "amount " + bad, AMOUNT,
                        new TemplateRequest(voucher(), clearing, customer, bad, "CNY")));
            }
            cases.add(HostileCase.of(LedgerService.class, "post", "legs of " + bad, AMOUNT, new PostingRequest(voucher(),
                    "RECHARGE", List.of(new LegRequest(clearing, EntrySide.DEBIT, bad, "CNY"),
                            new LegRequest(customer, EntrySide.CREDIT, bad, "CNY")))));
            cases.add(HostileCase.of(LedgerService.class, "repayLoan", "principal and interest " + bad, AMOUNT,
                    new LoanRepayRequest(voucher(), clearing, customer, customer, bad, bad, "CNY")));
            cases.add(HostileCase.of(AccountTransferService.class, "transOut", "amount " + bad, Set.of(),
                    new TransferBranchRequest(voucher(), customer, clearing, bad, "CNY")));
            cases.add(HostileCase.of(AccountTransferService.class, "transIn", "amount " + bad, Set.of(),
                    new TransferBranchRequest(voucher(), customer, clearing, bad, "CNY")));
        }
        cases.add(HostileCase.of(LedgerService.class, "post", "debits overflow",
                Set.of(ErrorCode.AMOUNT_OVERFLOW, ErrorCode.POSTING_MALFORMED, ErrorCode.POSTING_UNBALANCED),
                new PostingRequest(voucher(), "RECHARGE", List.of(new LegRequest(clearing, EntrySide.DEBIT, Long.MAX_VALUE, "CNY"),
                        new LegRequest(clearing, EntrySide.DEBIT, Long.MAX_VALUE, "CNY"),
                        new LegRequest(customer, EntrySide.CREDIT, 2, "CNY")))));
        cases.add(HostileCase.of(LedgerService.class, "post", "unbalanced", Set.of(ErrorCode.POSTING_UNBALANCED),
                new PostingRequest(voucher(), "RECHARGE", List.of(new LegRequest(clearing, EntrySide.DEBIT, 10, "CNY"),
                        new LegRequest(customer, EntrySide.CREDIT, 9, "CNY")))));
        cases.add(HostileCase.of(LedgerService.class, "post", "no legs", Set.of(ErrorCode.POSTING_MALFORMED,
                ErrorCode.INVALID_ARGUMENT), new PostingRequest(voucher(), "RECHARGE", List.of())));
        cases.add(HostileCase.of(LedgerService.class, "post", "a side that is none", Set.of(ErrorCode.POSTING_MALFORMED,
                ErrorCode.INVALID_ARGUMENT), new PostingRequest(voucher(), "RECHARGE", List.of(
                        new LegRequest(clearing, "SIDEWAYS", 10, "CNY"), new LegRequest(customer, "CREDIT", 10, "CNY")))));
        cases.add(HostileCase.of(LedgerService.class, "repayLoan", "principal + interest overflows",
                Set.of(ErrorCode.AMOUNT_OVERFLOW, ErrorCode.INVALID_ARGUMENT, ErrorCode.POSTING_MALFORMED),
                new LoanRepayRequest(voucher(), clearing, customer, customer, Long.MAX_VALUE, Long.MAX_VALUE, "CNY")));
        for (String currency : new String[] {"XXX", "usd", "CNYX", ""}) {
            for (String template : TEMPLATES) {
                cases.add(HostileCase.of(LedgerService.class, template, "currency '" + currency + "'", CURRENCY,
                        new TemplateRequest(voucher(), clearing, customer, 10, currency)));
            }
        }
        cases.add(HostileCase.of(LedgerService.class, "statement", "a page of 0", Set.of(ErrorCode.INVALID_ARGUMENT),
                new StatementQuery(customer, 0, 0)));
        cases.add(HostileCase.of(LedgerService.class, "statement", "a page of Integer.MAX_VALUE",
                Set.of(ErrorCode.INVALID_ARGUMENT), new StatementQuery(customer, 0, Integer.MAX_VALUE)));
        cases.add(HostileCase.of(LedgerService.class, "statement", "a negative version",
                Set.of(ErrorCode.INVALID_ARGUMENT), new StatementQuery(customer, -1, 10)));
        for (String text : new String[] {HostileInputs.HUGE, HostileInputs.LOG_INJECTION, ""}) {
            String what = text.isEmpty() ? "empty" : text.length() > 100 ? "huge" : "log injection";
            cases.add(HostileCase.of(AccountStatusService.class, "freeze", what + " operator on a real account",
                    Set.of(ErrorCode.INVALID_ARGUMENT), new AccountStatusRequest(voucher(), customer, text, "hostile")));
            cases.add(HostileCase.of(AccountStatusService.class, "freeze", what + " reason on a real account",
                    Set.of(ErrorCode.INVALID_ARGUMENT), new AccountStatusRequest(voucher(), customer, "ops", text)));
            cases.add(HostileCase.of(LedgerService.class, "recharge", what + " voucher on real accounts",
                    Set.of(ErrorCode.INVALID_ARGUMENT), new TemplateRequest(text, clearing, customer, 10, "CNY")));
            cases.add(HostileCase.of(LedgerService.class, "reverse", what + " reason",
                    Set.of(ErrorCode.INVALID_ARGUMENT, ErrorCode.VOUCHER_NOT_FOUND),
                    new io.creditsuite.api.account.ReversalRequest(voucher(), text)));
        }
        return cases;
    }
}
