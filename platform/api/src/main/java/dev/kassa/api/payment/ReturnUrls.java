package dev.kassa.api.payment;

/** The one rule the records check about return URLs; the platform validates their form before. */
final class ReturnUrls {
    private ReturnUrls() {
    }

    static void check(String returnUrl, String cancelUrl) {
        if (cancelUrl != null && returnUrl == null) {
            throw new IllegalArgumentException("a cancel URL needs a return URL");
        }
    }
}
