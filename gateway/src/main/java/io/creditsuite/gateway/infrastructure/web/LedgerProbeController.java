package io.creditsuite.gateway.infrastructure.web;

import io.creditsuite.api.account.AccountType;
import io.creditsuite.api.account.AccountView;
import io.creditsuite.api.account.HotMode;
import io.creditsuite.api.account.LedgerService;
import io.creditsuite.api.account.OpenAccountRequest;
import io.creditsuite.api.account.PostingResult;
import io.creditsuite.api.account.TemplateRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The buffered-posting probe over HTTP, for the devstack's smoke demo: through account-service's
 * public {@link LedgerService} it opens a customer account in BUFFERED mode (缓冲记账) and a clearing
 * account, recharges the customer (accepted into RocketMQ, applied later), and shows the account
 * so the caller can watch the posting being applied. Off in production, like the other probes
 * ({@code credit-suite.gateway.probes-enabled}).
 */
@RestController
@RequestMapping("/api/v1/system/probes/ledger-buffered")
@ConditionalOnProperty(name = "credit-suite.gateway.probes-enabled", havingValue = "true", matchIfMissing = true)
public class LedgerProbeController {
    private static final Pattern PROBE_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final String CURRENCY = "CNY";

    @DubboReference
    private LedgerService ledger;

    @PostMapping
    public LedgerProbeResult post(@RequestBody LedgerProbeBody body) {
        String probeId = probeId(body.probeId());
        if (body.amountMinor() <= 0) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "amountMinor must be positive, got " + body.amountMinor());
        }
        AccountView clearing = ledger.openAccount(new OpenAccountRequest("probe-clearing-" + probeId, AccountType.ASSET,
                CURRENCY, 0, null, HotMode.NORMAL, 0, 0));
        AccountView customer = ledger.openAccount(new OpenAccountRequest("probe-buffered-" + probeId,
                AccountType.LIABILITY, CURRENCY, 0, null, HotMode.BUFFERED, 0, 0));
        String voucher = "probe-" + probeId;
        PostingResult posted = ledger.recharge(new TemplateRequest(voucher, clearing.accountId(), customer.accountId(),
                body.amountMinor(), CURRENCY));
        return new LedgerProbeResult(probeId, customer.accountId(), customer.hotMode().name(), voucher,
                posted.outcome().name(), body.amountMinor());
    }

    @GetMapping("/{accountId}")
    public AccountView account(@PathVariable long accountId) {
        return ledger.account(accountId);
    }

    private static String probeId(String given) {
        if (given == null) {
            return UUID.randomUUID().toString();
        }
        if (!PROBE_ID.matcher(given).matches()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "probeId must be 1 to 40 characters of A-Z a-z 0-9 . _ -, got '" + given + "'");
        }
        return given;
    }

    public record LedgerProbeBody(String probeId, long amountMinor) {
    }

    /**
     * @param outcome ACCEPTED: in the buffer queue, applied asynchronously
     */
    public record LedgerProbeResult(String probeId, long accountId, String hotMode, String voucherNo, String outcome,
                                    long amountMinor) {
    }
}
