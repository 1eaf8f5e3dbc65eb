package io.creditsuite.credit.application.lending;

import io.creditsuite.api.credit.CustomerSource;
import io.creditsuite.api.credit.RegisterCustomerRequest;
import io.creditsuite.credit.application.RegisterCustomerHandler;
import io.creditsuite.credit.domain.lending.PartnerCustomer;
import io.creditsuite.credit.domain.lending.PartnerCustomerRepository;
import org.springframework.transaction.annotation.Transactional;

/** The local transaction of an onboarding: the credit customer and its partner record commit together. */
public class PartnerCustomerBook {
    private final PartnerCustomerRepository customers;
    private final RegisterCustomerHandler register;

    public PartnerCustomerBook(PartnerCustomerRepository customers, RegisterCustomerHandler register) {
        this.customers = customers;
        this.register = register;
    }

    /** false when the partner's reference was taken meanwhile (then nothing is written). */
    @Transactional
    public boolean record(PartnerCustomer customer) {
        if (!customers.insert(customer)) {
            return false;
        }
        // partners' customers come through a platform; the credit customer's request id is derived from its id
        register.handle(new RegisterCustomerRequest("onboard-" + customer.customerId(), customer.customerId(),
                customer.name(), CustomerSource.PLATFORM, null, customer.department()));
        return true;
    }
}
