package dev.kassa.server.webhook.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The events a tenant's webhook endpoint may subscribe to: dotted lower-case names, as the
 * Standard Webhooks specification recommends, plus {@value #ALL} for every one, those added later
 * included.
 */
public final class EventTypes {
    public static final String ALL = "*";
    public static final String TOPUP_PAID = "topup.paid";
    public static final String TOPUP_CANCELLED = "topup.cancelled";
    public static final String INVOICE_FINALIZED = "invoice.finalized";
    public static final String INVOICE_PAID = "invoice.paid";
    public static final String SERVICE_RENEWED = "service.renewed";
    public static final String SERVICE_RENEWAL_FAILED = "service.renewal_failed";
    public static final String SERVICE_SUSPENDED = "service.suspended";
    public static final String SERVICE_TERMINATED = "service.terminated";
    public static final String REFUND_SUCCEEDED = "refund.succeeded";
    public static final String PAYMENT_REVERSED = "payment.reversed";

    /** Every event Kassa sends, in the order the documentation lists them. */
    public static final List<String> KNOWN = List.of(TOPUP_PAID, TOPUP_CANCELLED, INVOICE_FINALIZED, INVOICE_PAID,
            SERVICE_RENEWED, SERVICE_RENEWAL_FAILED, SERVICE_SUSPENDED, SERVICE_TERMINATED, REFUND_SUCCEEDED,
            PAYMENT_REVERSED);

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }

    /**
     * The subscription as stored: each name once, in the order given.
     *
     * @throws IllegalArgumentException naming the first entry that is neither a known event nor
     *     {@value #ALL}, or when the list is empty
     */
    public static List<String> subscription(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("name at least one event, or \"*\" for all");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String event : events) {
            if (event == null || !(ALL.equals(event) || isKnown(event))) {
                throw new IllegalArgumentException(event + " is not an event; use \"*\" or any of " + KNOWN);
            }
            out.add(event);
        }
        return List.copyOf(out);
    }
}
