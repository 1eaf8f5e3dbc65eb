package io.creditsuite.account.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.creditsuite.api.account.AccountStatusChange;
import io.creditsuite.api.account.AccountStatusRequest;
import io.creditsuite.api.account.AccountStatusService;
import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.EntrySide;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.LegRequest;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingOutcome;
import io.creditsuite.api.account.PostingRequest;
import io.creditsuite.api.account.PostingResult;
import io.creditsuite.api.account.StatementPage;
import io.creditsuite.api.account.StatementQuery;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The ledger through ZooKeeper and the network (Hessian2, strict serialize check), not the in-JVM
 * shortcut: postings, balances, a statement page and refusals arrive intact, the stable error code
 * included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LedgerOverDubboIT extends LedgerItSupport {
    @Autowired
    ModuleModel dubboModule;

    @Test
    void a_posting_a_balance_a_statement_page_and_a_refusal_cross_the_network_intact() {
        ReferenceConfig<LedgerService> reference = remote(LedgerService.class);
        try {
            LedgerService remote = reference.get();
            // the provider list arrives asynchronously after the reference is made
            AccountView clearing = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> remote.openAccount(new OpenAccountRequest("platform", AccountType.ASSET, "CNY",
                            1_000_000_000L, null, HotMode.NORMAL, 0, 0)), v -> v.accountId() > 0);
            AccountView customer = remote.openAccount(new OpenAccountRequest("c-" + UUID.randomUUID().toString()
                    .substring(0, 8), AccountType.LIABILITY, "CNY", 0, null, HotMode.NORMAL, 0, 0));
            long c = clearing.accountId();
            long u = customer.accountId();
            long u2 = remote.openAccount(new OpenAccountRequest("c2", AccountType.LIABILITY, "CNY", 0, null,
                    HotMode.NORMAL, 0, 0)).accountId();

            // three legs, two of them credits: sides repeat in the request and in the result
            PostingResult posted = remote.post(new PostingRequest(voucher(), "RECHARGE", List.of(
                    new LegRequest(c, EntrySide.DEBIT, 1_250, "CNY"), new LegRequest(u, EntrySide.CREDIT, 1_000, "CNY"),
                    new LegRequest(u2, EntrySide.CREDIT, 250, "CNY"))));
            for (int i = 1; i <= 4; i++) {
                remote.withdraw(new TemplateRequest(voucher(), u, c, 100 * i, "CNY"));
            }
            AccountView balance = remote.account(u);
            StatementPage first = remote.statement(new StatementQuery(u, 0, 3));
            StatementPage second = remote.statement(new StatementQuery(u, first.nextAfterVersion(), 3));
            long rows = ledgerRows();
            ApiException unknown = catchThrowableOfType(ApiException.class, () -> remote.recharge(
                    new TemplateRequest(voucher(), c, 999_999_999L, 10, "CNY")));
            ApiException currency = catchThrowableOfType(ApiException.class, () -> remote.recharge(
                    new TemplateRequest(voucher(), c, u, 10, "USD")));

            assertThat(posted.outcome()).isEqualTo(PostingOutcome.POSTED);
            assertThat(posted.entries()).hasSize(3);
            assertThat(posted.entries().get(1).balanceAfterMinor()).isEqualTo(1_000);
            assertThat(posted.entries().get(2).entrySide()).isEqualTo(EntrySide.CREDIT);
            assertThat(posted.entries().get(1).entrySide()).isEqualTo(EntrySide.CREDIT);
            assertThat(balance.balanceMinor()).isEqualTo(0);
            assertThat(balance.type()).isEqualTo(AccountType.LIABILITY);
            assertThat(first.entries()).extracting(e -> e.version()).containsExactly(1L, 2L, 3L);
            assertThat(first.nextAfterVersion()).isEqualTo(3L);
            assertThat(second.entries()).extracting(e -> e.version()).containsExactly(4L, 5L);
            assertThat(second.nextAfterVersion()).isNull();
            assertThat(second.entries().get(1).balanceAfterMinor()).isZero();
            assertThat(second.entries().get(1).previousHash()).isEqualTo(second.entries().get(0).hash());
            assertThat(unknown.errorCode()).isEqualTo(ErrorCode.ACCOUNT_NOT_FOUND);
            assertThat(unknown.getMessage()).contains("999999999");
            assertThat(currency.errorCode()).isEqualTo(ErrorCode.LEDGER_CURRENCY_MISMATCH);
            assertThat(ledgerRows()).isEqualTo(rows);
        } finally {
            reference.destroy();
        }
    }

    @Test
    void a_status_change_and_its_refusal_cross_the_network_intact() {
        long customer = openCustomer().accountId();
        ReferenceConfig<AccountStatusService> reference = remote(AccountStatusService.class);
        try {
            AccountStatusService remote = reference.get();
            AccountStatusRequest freeze = new AccountStatusRequest("st-" + UUID.randomUUID(), customer, "ops-alice",
                    "remote freeze");
            AccountStatusChange frozen = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> remote.freeze(freeze), v -> v.accountId() == customer);
            ApiException again = catchThrowableOfType(ApiException.class, () -> remote.freeze(
                    new AccountStatusRequest("st-" + UUID.randomUUID(), customer, "ops-alice", "twice")));

            assertThat(frozen.statusAfter()).isEqualTo("FROZEN");
            assertThat(remote.history(customer)).containsExactly(frozen);
            assertThat(again.errorCode()).isEqualTo(ErrorCode.ACCOUNT_STATUS_TRANSITION_ILLEGAL);
        } finally {
            reference.destroy();
        }
    }

    private <T> ReferenceConfig<T> remote(Class<T> type) {
        ReferenceConfig<T> reference = new ReferenceConfig<>(dubboModule);
        reference.setInterface(type);
        reference.setScope("remote"); // through the registry and the network, not the in-JVM shortcut
        reference.setCheck(false);
        return reference;
    }
}
