package io.creditsuite.credit.application;

import io.creditsuite.api.credit.RegisterCustomerRequest;
import io.creditsuite.api.error.ApiException;
import io.creditsuite.api.error.ErrorCode;
import io.creditsuite.credit.domain.CreditCustomer;
import io.creditsuite.credit.domain.CustomerSource;
import io.creditsuite.credit.domain.LimitDirectory;
import io.creditsuite.credit.domain.MaintenanceStore;
import org.springframework.transaction.annotation.Transactional;

/** Registers a credit customer; registering the same customer again with the same data changes nothing. */
public class RegisterCustomerHandler {
    private final MaintenanceStore store;
    private final LimitDirectory directory;

    public RegisterCustomerHandler(MaintenanceStore store, LimitDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    @Transactional
    public void handle(RegisterCustomerRequest request) {
        if (request == null || request.source() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "a customer needs an id, a name and a source");
        }
        Requests.requireId(request.requestId(), "requestId");
        CreditCustomer customer = new CreditCustomer(Requests.requireId(request.customerId(), "customerId"),
                Requests.requireText(request.name(), "name", 200), CustomerSource.valueOf(request.source().name()),
                request.groupId() == null ? null : Requests.requireId(request.groupId(), "groupId"),
                request.department() == null ? null : Requests.requireId(request.department(), "department"));
        if (store.insertCustomer(customer, request.requestId())) {
            return;
        }
        CreditCustomer existing = directory.customer(customer.customerId()).orElseThrow(() -> new ApiException(
                ErrorCode.REQUEST_ID_REUSED, "request id " + request.requestId() + " registered another customer"));
        if (!existing.equals(customer)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "customer " + customer.customerId()
                    + " exists with other data");
        }
    }
}
