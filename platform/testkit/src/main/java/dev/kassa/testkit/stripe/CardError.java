package dev.kassa.testkit.stripe;

import java.util.Set;

/**
 * A card error as Stripe reports it: in a 402 response, and as an intent's
 * {@code last_payment_error} or {@code last_setup_error}.
 *
 * @param code Stripe's error code ({@code card_declined}, {@code expired_card}, {@code authentication_required})
 * @param declineCode the issuer's reason ({@code insufficient_funds}, {@code generic_decline}), or null
 * @param message Stripe's message for the customer
 */
record CardError(String code, String declineCode, String message) {
    private static final Set<String> OWN_CODES = Set.of("expired_card", "incorrect_cvc", "incorrect_number",
            "processing_error", "authentication_required", "payment_intent_authentication_failure",
            "setup_intent_authentication_failure");

    /** The error for a decline with {@code reason}: Stripe's own code when it has one, else {@code card_declined}. */
    static CardError of(String reason) {
        String declineCode = reason == null ? "generic_decline" : reason;
        String code = OWN_CODES.contains(declineCode) ? declineCode : "card_declined";
        boolean failedAuthentication = declineCode.endsWith("_authentication_failure");
        return new CardError(code, failedAuthentication ? null : declineCode, message(declineCode));
    }

    boolean requiresAuthentication() {
        return "authentication_required".equals(code);
    }

    private static String message(String declineCode) {
        switch (declineCode) {
            case "insufficient_funds":
                return "Your card has insufficient funds.";
            case "expired_card":
                return "Your card has expired.";
            case "incorrect_cvc":
                return "Your card's security code is incorrect.";
            case "authentication_required":
                return "Your card was declined. This transaction requires authentication.";
            case "payment_intent_authentication_failure":
            case "setup_intent_authentication_failure":
                return "We are unable to authenticate your payment method. Please choose a different payment method and try again.";
            default:
                return "Your card was declined.";
        }
    }
}
