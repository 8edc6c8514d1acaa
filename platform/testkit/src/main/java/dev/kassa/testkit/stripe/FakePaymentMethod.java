package dev.kassa.testkit.stripe;

/** A card PaymentMethod, as if the customer had typed a test card into Stripe.js. Guarded by the fake's lock. */
final class FakePaymentMethod {
    final String id;
    final String owner;
    final String brand;
    final String last4;
    final int expMonth;
    final int expYear;
    final long created;
    String customer;

    FakePaymentMethod(String id, String owner, String brand, String last4, int expMonth, int expYear, long created) {
        this.id = id;
        this.owner = owner;
        this.brand = brand;
        this.last4 = last4;
        this.expMonth = expMonth;
        this.expYear = expYear;
        this.created = created;
    }
}
