package dev.kassa.testkit.stripe;

import java.util.Map;

/**
 * What the fake holds about a Refund, for assertions.
 *
 * @param amount in minor units
 * @param status {@code succeeded}, {@code pending}, {@code failed} or {@code canceled}
 */
public record RefundView(String id, String paymentIntent, long amount, String currency, String status,
                         String failureReason, Map<String, String> metadata, String idempotencyKey) {
}
