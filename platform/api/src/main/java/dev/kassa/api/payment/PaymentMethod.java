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
     * Whether the method can take exactly {@code amount}: without rounding it, in the units its
     * gateway counts. The platform asks before it starts a payment or a refund and refuses what
     * the method cannot take (a top-up with {@code 422 topup.method_unavailable}); it never asks
     * the method to pay or refund an amount this answers {@code false} for.
     *
     * <p>{@link Amount} counts ISO 4217 minor units, as {@link java.util.Currency#getDefaultFractionDigits()}
     * gives them (EUR 2, JPY 0, ISK 0, KWD 3). A gateway that counts some currency otherwise
     * converts on every way out and back in, and answers {@code false} here for amounts it cannot
     * represent exactly (Stripe counts ISK in hundredths and takes three-decimal currencies only
     * in steps of ten: 1.005 KWD cannot be sent, and must not be sent as 1.000 or 1.010).
     * Currencies the method cannot take at all belong out of {@link MethodInfo#currencies()}, so
     * that the method is not even offered in them.
     *
     * <p>Called often, from any thread: answer from the amount alone, without network calls. The
     * default takes every amount in a currency {@link MethodInfo#takesCurrency takes}.
     *
     * @param amount in ISO 4217 minor units
     */
    default boolean accepts(Amount amount) {
        return info().takesCurrency(amount.currency());
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
