package dev.kassa.server.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {
    @Test
    void everyEventOfTheContractIsKnown() {
        assertEquals(List.of("topup.paid", "topup.cancelled", "invoice.finalized", "invoice.paid", "service.renewed",
                "service.renewal_failed", "service.suspended", "service.terminated", "refund.succeeded",
                "payment.reversed"),
                EventTypes.KNOWN);
    }

    @Test
    void aSubscriptionKeepsEachEventOnce() {
        assertEquals(List.of("topup.paid", "*"), EventTypes.subscription(List.of("topup.paid", "*", "topup.paid")));
    }

    @Test
    void anUnknownOrMissingEventIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventTypes.subscription(List.of("topup.lost")));
        assertThrows(IllegalArgumentException.class, () -> EventTypes.subscription(List.of()));
        assertThrows(IllegalArgumentException.class, () -> EventTypes.subscription(Arrays.asList("topup.paid", null)));
    }

    @Test
    void anEndpointGetsWhatItSubscribedTo() {
        WebhookEndpoint some = new WebhookEndpoint("whe_1", "ten_1", "https://x.example", List.of("topup.paid"), "s",
                java.time.Instant.EPOCH);
        WebhookEndpoint all = new WebhookEndpoint("whe_2", "ten_1", "https://x.example", List.of("*"), "s",
                java.time.Instant.EPOCH);
        assertEquals(true, some.subscribes("topup.paid"));
        assertEquals(false, some.subscribes("refund.succeeded"));
        assertEquals(true, all.subscribes("invoice.paid"));
        all.delete(java.time.Instant.EPOCH);
        assertEquals(false, all.subscribes("invoice.paid"));
    }
}
