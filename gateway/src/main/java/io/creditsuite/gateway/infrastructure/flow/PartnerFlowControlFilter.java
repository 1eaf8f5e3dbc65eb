package io.creditsuite.gateway.infrastructure.flow;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.context.ContextUtil;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.gateway.domain.partner.PartnerPrincipal;
import io.creditsuite.gateway.infrastructure.security.CachedBodyRequest;
import io.creditsuite.gateway.infrastructure.security.ProblemWriter;
import io.creditsuite.gateway.infrastructure.security.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Flow control of the signed partner API ({@link FlowLimits}), after the signature filter (the partner key is known)
 * and before the idempotency filter (a refused request claims no Idempotency-Key and reaches no service, so its retry
 * is a fresh request). A refusal is 429 {@code application/problem+json} CS-1005 with {@code Retry-After: 1} (the
 * limits are per second, or in flight) and a detail naming the limit: the partner key, the customer, the endpoint or
 * the lender's funding account ({@link FundingAccounts}).
 */
public class PartnerFlowControlFilter extends OncePerRequestFilter {
    static final String CONTEXT = "partner-api";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProblemWriter problems;
    private final FundingAccounts fundingAccounts;

    public PartnerFlowControlFilter(ProblemWriter problems, FundingAccounts fundingAccounts) {
        this.problems = problems;
        this.fundingAccounts = fundingAccounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request.getAttribute(PartnerPrincipal.ATTRIBUTE) instanceof PartnerPrincipal partner)) {
            chain.doFilter(request, response);
            return;
        }
        String endpoint = endpoint(request.getMethod(), RequestPaths.routed(request));
        String customer = customer(request);
        OptionalLong funding = fundingAccounts.of(partner.partnerId());
        String account = funding.isPresent() ? Long.toString(funding.getAsLong()) : null;
        ContextUtil.enter(CONTEXT, partner.keyId());
        Entry perPartner = null;
        Entry perEndpoint = null;
        Entry perCustomer = null;
        Entry perAccount = null;
        try {
            perPartner = SphU.entry(FlowLimits.PARTNER_API, EntryType.IN);
            perEndpoint = SphU.entry(FlowLimits.ENDPOINT, EntryType.IN, 1, endpoint);
            if (customer != null) {
                perCustomer = SphU.entry(FlowLimits.CUSTOMER, EntryType.IN, 1, customer);
            }
            if (account != null) {
                perAccount = SphU.entry(FlowLimits.FUNDING_ACCOUNT, EntryType.IN, 1, account);
            }
        } catch (BlockException refused) {
            exit(perAccount, account);
            exit(perCustomer, customer);
            exit(perEndpoint, endpoint);
            exit(perPartner, null);
            ContextUtil.exit();
            response.setHeader("Retry-After", "1");
            problems.write(request, response, ErrorCode.RATE_LIMITED, detail(refused, partner, customer, endpoint,
                    account));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            exit(perAccount, account);
            exit(perCustomer, customer);
            exit(perEndpoint, endpoint);
            exit(perPartner, null);
            ContextUtil.exit();
        }
    }

    private static String detail(BlockException refused, PartnerPrincipal partner, String customer, String endpoint,
                                 String account) {
        return switch (refused.getRule().getResource()) {
            case FlowLimits.FUNDING_ACCOUNT -> "funding account " + account + " is over its requests per second;"
                    + " retry later";
            case FlowLimits.CUSTOMER -> "customer " + customer + " is over its requests per second; retry later";
            case FlowLimits.ENDPOINT -> endpoint + " has as many requests in progress as it takes; retry later";
            default -> "partner key " + partner.keyId() + " is over its requests per second; retry later";
        };
    }

    /** The endpoint, its ids as {@code *}: {@code POST /api/v1/loans/LN1/repayments} -> {@code .../loans/* /...}. */
    static String endpoint(String method, String path) {
        String[] segments = path.split("/", -1);
        // /api/v1/<collection>/<id>/<sub-collection>/<id>: the ids are the 5th, 7th, ... segments
        for (int i = 4; i < segments.length; i += 2) {
            segments[i] = "*";
        }
        return method + " " + String.join("/", segments);
    }

    /** The customer a request is about: its body's customerId, or the id of /api/v1/customers/{id}. */
    static String customer(HttpServletRequest request) {
        String[] segments = RequestPaths.routed(request).split("/", -1);
        if (segments.length > 4 && segments[3].equals("customers")) {
            return segments[4];
        }
        if (request instanceof CachedBodyRequest cached && cached.body().length > 0) {
            try {
                JsonNode id = JSON.readTree(cached.body()).path("customerId");
                return id.isTextual() ? id.asText() : null;
            } catch (IOException notJson) {
                return null; // the controller refuses it with its own code
            }
        }
        return null;
    }

    private static void exit(Entry entry, String param) {
        if (entry != null) {
            if (param == null) {
                entry.exit();
            } else {
                entry.exit(1, param);
            }
        }
    }
}
