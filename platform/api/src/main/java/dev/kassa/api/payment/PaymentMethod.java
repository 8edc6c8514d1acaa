package dev.kassa.api.payment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * A way for customers to pay, contributed by a plugin ({@code @Extension} on the implementing
 * class). Optional abilities are further interfaces the same class implements:
 * {@link WebhookReceiver}, {@link StatusQuery}, {@link SavedMethods}, {@link OffSessionPayments},
 * {@link Refunds}.
 *
 * <p>Implementations are stateless and thread-safe: the platform calls one instance for every
 * tenant, from many threads, on several nodes. Everything tenant-specific comes in the
 * {@link MethodContext}.
 */
public interface PaymentMethod extends ExtensionPoint {

    /** What the method is; called once when the plugin is loaded. */
    MethodInfo info();

    /**
     * Puts a tenant's credentials into the form they are stored and shown in (an IBAN in upper
     * case without spaces). Called before {@link #checkCredentials}; the default keeps them as they are.
     */
    default Map<String, String> normalizeCredentials(Map<String, String> credentials) {
        return credentials;
    }

    /**
     * Checks a tenant's credentials beyond "required fields are present", which the platform does
     * itself: the format of a key, an IBAN's check digits. No network calls.
     *
     * @param credentials the complete credentials as they would be stored
     * @return nothing when they are fine
     */
    default List<CredentialProblem> checkCredentials(Map<String, String> credentials) {
        return List.of();
    }

    /**
     * Whether the method is on for every country of a new tenant, and with which credentials. Most
     * methods need the tenant's own gateway account and answer empty (the default).
     *
     * @param tenantName the new tenant's display name
     */
    default Optional<Map<String, String>> startingCredentials(String tenantName) {
        return Optional.empty();
    }

    /**
     * Starts a payment. Send {@link PaymentRequest#attemptId()} as the gateway's idempotency key.
     *
     * @return {@link Outcome#SUCCEEDED} if the money is already ours; {@link Outcome#PENDING} with
     *     instructions or nothing; {@link Outcome#ACTION_REQUIRED} with what the customer must do;
     *     {@link Outcome#DECLINED} with the gateway's reason; {@link Outcome#UNKNOWN} on a timeout
     *     or gateway error. Never throws for what the gateway said.
     */
    PaymentResult pay(MethodContext context, PaymentRequest request);
}
