package dev.kassa.testkit.stripe;

/** An event Stripe would send now about one of the fake's objects, to the account's webhook endpoint. */
record PendingEvent(String owner, String type, String objectId) {
}
