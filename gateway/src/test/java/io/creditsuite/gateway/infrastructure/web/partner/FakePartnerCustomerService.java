package io.creditsuite.gateway.infrastructure.web.partner;

import io.creditsuite.api.account.JournalEntryView;
import io.creditsuite.api.account.StatementPage;
import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.CustomerView;
import io.creditsuite.api.lending.OnboardCustomerRequest;
import io.creditsuite.api.lending.PartnerCustomerService;
import java.util.ArrayList;
import java.util.List;

/** credit-service's PartnerCustomerService in memory: customer C-1 belongs to partner P-1 only; records calls. */
class FakePartnerCustomerService implements PartnerCustomerService {
    static final String OWNER = "P-1";

    final List<Object> calls = new ArrayList<>();

    @Override
    public CustomerView onboardCustomer(OnboardCustomerRequest request) {
        calls.add(request);
        return new CustomerView("C-1", request.partnerId(), request.partnerCustomerRef(), request.name(), "CNY", 1001,
                FakeLendingService.CREATED_AT);
    }

    @Override
    public CustomerView customer(String partnerId, String customerId) {
        calls.add(List.of(partnerId, customerId));
        requireOwn(partnerId, customerId);
        return new CustomerView(customerId, partnerId, "ref-1", "Zhang San", "CNY", 1001, FakeLendingService.CREATED_AT);
    }

    @Override
    public List<LimitNodeView> limitTree(String partnerId, String customerId) {
        calls.add(List.of(partnerId, customerId));
        requireOwn(partnerId, customerId);
        return List.of(node(7, "L-1", List.of()), node(42, "L-1", List.of(7L)), node(50, "L-2", List.of()));
    }

    @Override
    public StatementPage statement(String partnerId, String customerId, long afterVersion, int pageSize) {
        calls.add(List.of(partnerId, customerId, afterVersion, pageSize));
        requireOwn(partnerId, customerId);
        return new StatementPage(1001, List.of(new JournalEntryView(9, 1001, afterVersion + 1, "DRW-LN-1", 1, false,
                null, "LOAN_DISBURSEMENT", "DEBIT", 500_000, "CNY", 0, 500_000, "2026-12-02", "t-1", "h0", "h1", true)),
                null);
    }

    private static void requireOwn(String partnerId, String customerId) {
        if (!OWNER.equals(partnerId) || !"C-1".equals(customerId)) {
            throw new ApiException(ErrorCode.CREDIT_CUSTOMER_UNKNOWN, null);
        }
    }

    private static LimitNodeView node(long nodeId, String lineId, List<Long> parents) {
        return new LimitNodeView(nodeId, lineId, "C-1", "REVOLVING", "PRODUCT", null, "CONSUMER-LOAN", parents, parents,
                "CNY", 5_000_000, 0, null, 0, 5_000_000, 30_000, 0, 500_000, 500_000, 4_470_000);
    }
}
