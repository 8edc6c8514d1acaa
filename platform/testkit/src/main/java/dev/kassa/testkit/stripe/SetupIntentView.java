package dev.kassa.testkit.stripe;

import java.util.Map;

/**
 * What the fake holds about a SetupIntent, for assertions.
 *
 * @param paymentMethod the saved PaymentMethod's id, once confirmed
 * @param errorCode the code of its last set-up error, or null
 */
public record SetupIntentView(String id, String customer, String status, String paymentMethod,
                              Map<String, String> metadata, String idempotencyKey, String errorCode) {
}
