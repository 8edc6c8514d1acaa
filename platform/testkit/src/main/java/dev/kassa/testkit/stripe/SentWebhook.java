package dev.kassa.testkit.stripe;

import java.net.URI;

/**
 * A webhook the fake sent to an account's endpoint after a step on a hosted page.
 *
 * @param type the event's type ({@code checkout.session.completed}, {@code payment_intent.succeeded}, ...)
 * @param objectId the id of the object it is about
 * @param delivery the signed body, to deliver again
 * @param url where it went
 * @param status the endpoint's HTTP status, or 0 when it could not be reached
 */
public record SentWebhook(String type, String objectId, SignedDelivery delivery, URI url, int status) {
}
