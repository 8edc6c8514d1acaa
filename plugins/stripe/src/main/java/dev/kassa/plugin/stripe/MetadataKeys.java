package dev.kassa.plugin.stripe;

import java.util.Map;

/** The metadata keys the platform and this plugin put on Stripe objects, to trace events back. */
final class MetadataKeys {
    static final String TENANT = "kassa_tenant";
    static final String ACCOUNT = "kassa_account";
    static final String ACCOUNT_REFERENCE = "kassa_account_reference";
    static final String ATTEMPT = "kassa_attempt";
    static final String SAVED_METHOD = "kassa_saved_method";
    static final String REFUND = "kassa_refund";
    /** On a Checkout Session whose card is to be kept: {@code "true"}. */
    static final String SAVE_METHOD = "kassa_save_method";

    private MetadataKeys() {
    }

    /** A value of possibly null metadata, or null. */
    static String get(Map<String, String> metadata, String key) {
        return metadata == null ? null : metadata.get(key);
    }
}
