package io.creditsuite.approval.infrastructure.credit;

import io.creditsuite.api.credit.LimitNodeView;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.api.lending.PartnerCustomerService;
import io.creditsuite.approval.application.intake.ExistingExposure;
import org.apache.dubbo.rpc.RpcException;

/**
 * The exposure from credit-service's partner view of the customer ({@code PartnerCustomerService.limitTree}): the
 * sum of {@code used + frozen} over the top (limit-type) node of each line the customer holds in the currency. The
 * partner scope of that call is the ownership check: another partner's customer is CREDIT_CUSTOMER_UNKNOWN.
 */
public class DubboExistingExposure implements ExistingExposure {
    private final PartnerCustomerService customers;

    public DubboExistingExposure(PartnerCustomerService customers) {
        this.customers = customers;
    }

    @Override
    public long exposureMinor(String partnerId, String customerId, String currency) {
        try {
            long exposure = 0;
            for (LimitNodeView node : customers.limitTree(partnerId, customerId)) {
                if ("LIMIT_TYPE".equals(node.level()) && currency.equals(node.currency())) {
                    exposure = Math.addExact(exposure, Math.addExact(node.usedMinor(), node.frozenMinor()));
                }
            }
            return exposure;
        } catch (RpcException e) {
            throw new ApiException(ErrorCode.DOWNSTREAM_UNAVAILABLE, "credit-service did not answer the customer's"
                    + " exposure: " + e.getMessage());
        }
    }
}
