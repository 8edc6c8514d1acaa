package dev.kassa.plugin.stripe;

import com.stripe.exception.StripeException;
import com.stripe.param.CustomerCreateParams;
import dev.kassa.api.payment.Customer;

/** Finds or creates the Stripe Customer that payments and saved cards of one platform account hang on. */
final class StripeCustomers {
    /** Prefix of the idempotency key of a customer's creation, followed by the platform's account id. */
    static final String IDEMPOTENCY_PREFIX = "kassa-customer-";

    private StripeCustomers() {
    }

    /**
     * The customer's Stripe id: the one the platform stored, else a new Customer. The creation's
     * idempotency key is the account id, so two first payments of the same account within
     * Stripe's 24 hours of key memory make one Customer, not two.
     */
    static String ensure(StripeAccount account, Customer customer) throws StripeException {
        if (customer.gatewayReference() != null) {
            return customer.gatewayReference();
        }
        CustomerCreateParams.Builder params = CustomerCreateParams.builder()
                .putMetadata(MetadataKeys.TENANT, account.context().tenantSlug());
        if (customer.accountId() != null) {
            params.putMetadata(MetadataKeys.ACCOUNT, customer.accountId());
        }
        if (customer.accountReference() != null) {
            params.putMetadata(MetadataKeys.ACCOUNT_REFERENCE, customer.accountReference());
        }
        if (customer.name() != null) {
            params.setName(customer.name());
        }
        if (customer.email() != null) {
            params.setEmail(customer.email());
        }
        return account.client().customers()
                .create(params.build(), StripeAccount.idempotent(IDEMPOTENCY_PREFIX + customer.accountId()))
                .getId();
    }
}
