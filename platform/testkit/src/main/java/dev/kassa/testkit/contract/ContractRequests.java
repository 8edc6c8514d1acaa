package dev.kassa.testkit.contract;

import dev.kassa.api.payment.Amount;
import dev.kassa.api.payment.Customer;
import dev.kassa.api.payment.PaymentRequest;
import dev.kassa.api.payment.RefundRequest;
import dev.kassa.api.payment.SetupRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Requests as the platform builds them: its own ids (made before the gateway call, so they serve
 * as idempotency keys) and the metadata keys it attaches ({@code kassa_tenant},
 * {@code kassa_account}, {@code kassa_top_up}, {@code kassa_attempt}, {@code kassa_saved_method},
 * {@code kassa_refund}).
 */
public final class ContractRequests {
    private final String tenant;

    public ContractRequests(String tenant) {
        this.tenant = tenant;
    }

    /** A new id such as {@code att_1f0c...}. */
    public static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A new customer account, not yet known at the gateway. */
    public Customer newCustomer() {
        String account = id("acc");
        return new Customer(account, "K-" + account.substring(4, 10).toUpperCase(), "Ada Lovelace",
                "ada+" + account.substring(4, 12) + "@example.com", "FR", "fr", null);
    }

    public PaymentRequest payment(String attemptId, Amount amount, Customer customer, boolean saveMethod) {
        return payment(attemptId, amount, customer, saveMethod, null);
    }

    public PaymentRequest payment(String attemptId, Amount amount, Customer customer, boolean saveMethod,
            String savedMethodToken) {
        String topUp = id("top");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("kassa_tenant", tenant);
        metadata.put("kassa_account", customer.accountId());
        metadata.put("kassa_top_up", topUp);
        metadata.put("kassa_attempt", attemptId);
        return new PaymentRequest(attemptId, amount, "TU-" + topUp.substring(4, 12).toUpperCase(),
                "Top-up of the customer balance", customer, saveMethod, savedMethodToken, metadata);
    }

    /** Where the contract's hosted pages send the browser back: an address nobody serves, never followed. */
    public static final String RETURN_URL = "https://client-area.example.com/kassa/return";
    public static final String CANCEL_URL = "https://client-area.example.com/kassa/cancel";

    /** A payment from a customer's browser, which a hosted page may send back to {@link #RETURN_URL}. */
    public PaymentRequest browserPayment(String attemptId, Amount amount, Customer customer, boolean saveMethod) {
        return payment(attemptId, amount, customer, saveMethod).withReturnUrls(RETURN_URL, CANCEL_URL);
    }

    /** Saving a method from a customer's browser, which a hosted page may send back to {@link #RETURN_URL}. */
    public SetupRequest browserSetup(String savedMethodId, Customer customer) {
        return setup(savedMethodId, customer).withReturnUrls(RETURN_URL, CANCEL_URL);
    }

    public SetupRequest setup(String savedMethodId, Customer customer) {
        return new SetupRequest(savedMethodId, customer, Map.of("kassa_tenant", tenant,
                "kassa_account", customer.accountId(), "kassa_saved_method", savedMethodId));
    }

    public RefundRequest refund(String refundId, String paymentReference, Amount amount) {
        return new RefundRequest(refundId, paymentReference, amount, "TU-REFUND", Map.of("kassa_tenant", tenant,
                "kassa_refund", refundId));
    }
}
