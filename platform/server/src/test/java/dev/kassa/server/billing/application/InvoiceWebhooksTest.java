package dev.kassa.server.billing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.Money;
import dev.kassa.server.webhook.application.WebhookEvents;
import dev.kassa.server.webhook.domain.DeliveryAttempt;
import dev.kassa.server.webhook.domain.WebhookDelivery;
import dev.kassa.server.webhook.domain.WebhookDeliveryRepository;
import dev.kassa.server.webhook.domain.WebhookEndpoint;
import dev.kassa.server.webhook.domain.WebhookEndpointRepository;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Invoice events become one outbox row per endpoint that subscribed to them, with the documented data. */
class InvoiceWebhooksTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final List<WebhookEndpoint> endpoints = new ArrayList<>();
    private final List<WebhookDelivery> outbox = new ArrayList<>();
    /** What {@link WebhookDeliveryRepository#addAll} was given, call by call. */
    private final List<List<WebhookDelivery>> written = new ArrayList<>();
    private final WebhookEvents events = new WebhookEvents(new Endpoints(), new Outbox(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final InvoiceWebhooks webhooks = new InvoiceWebhooks(events);
    private final Money gross = Money.parse("60.06", CurrencyRegistry.iso4217().require("EUR"));

    private void endpoint(String id, String tenant, String... events) {
        endpoints.add(new WebhookEndpoint(id, tenant, "https://hooks.example/" + id, List.of(events), "sealed", NOW));
    }

    @Test
    void aFinalisedInvoiceGoesToEachSubscribedEndpointOnce() {
        endpoint("whe_a", "ten_1", "invoice.finalized");
        endpoint("whe_b", "ten_1", "*");
        endpoint("whe_c", "ten_1", "invoice.paid");
        endpoint("whe_d", "ten_2", "*");

        webhooks.onFinalized(new InvoiceFinalized("ten_1", "inv_1", "acc_1", "pay_1", "INV-2026-000001", gross,
                NOW.plusSeconds(86_400), NOW));

        assertEquals(List.of("whe_a", "whe_b"), outbox.stream().map(WebhookDelivery::endpointId).toList());
        assertEquals(outbox.get(0).eventId(), outbox.get(1).eventId(), "one event, one delivery per endpoint");
        assertEquals(outbox.get(0).payload(), outbox.get(1).payload());
        JsonObject event = Json.createReader(new StringReader(outbox.get(0).payload())).readObject();
        assertEquals("invoice.finalized", event.getString("type"));
        JsonObject data = event.getJsonObject("data");
        assertEquals("inv_1", data.getString("id"));
        assertEquals("INV-2026-000001", data.getString("number"));
        assertEquals("NEW", data.getString("status"));
        assertEquals("60.06", data.getJsonObject("amount").getString("amount"));
        assertEquals("EUR", data.getJsonObject("amount").getString("currency"));
        assertTrue(data.isNull("paidAt") && data.isNull("paidFrom") && data.isNull("transactionId"), data::toString);
    }

    @Test
    void aPaidInvoiceSaysHowItWasPaid() {
        endpoint("whe_a", "ten_1", "invoice.finalized");
        endpoint("whe_c", "ten_1", "invoice.paid");

        webhooks.onPaid(new InvoicePaid("ten_1", "inv_1", "acc_1", "pay_1", "INV-2026-000001", gross, NOW, NOW,
                "balance", "txn_1", NOW.plusSeconds(5), true, gross));

        assertEquals(1, outbox.size());
        assertEquals("whe_c", outbox.get(0).endpointId());
        JsonObject data = Json.createReader(new StringReader(outbox.get(0).payload())).readObject()
                .getJsonObject("data");
        assertEquals("PAID", data.getString("status"));
        assertEquals("balance", data.getString("paidFrom"));
        assertEquals("txn_1", data.getString("transactionId"));
        assertEquals(NOW.plusSeconds(5), Instant.parse(data.getString("paidAt")));
    }

    @Test
    void insideCollectingTheDeliveriesAreWrittenTogetherWhenTheWorkReturns() {
        endpoint("whe_a", "ten_1", "*");
        endpoint("whe_b", "ten_1", "invoice.paid");

        String result = events.collecting(() -> {
            finalizedAndPaid("inv_1");
            finalizedAndPaid("inv_2");
            assertTrue(outbox.isEmpty() && written.isEmpty(), "nothing is written before the work returns");
            return "done";
        });

        assertEquals("done", result);
        assertEquals(1, written.size(), "one write for all of them");
        assertEquals(List.of("invoice.finalized", "invoice.paid", "invoice.paid", "invoice.finalized", "invoice.paid",
                "invoice.paid"), written.get(0).stream().map(WebhookDelivery::eventType).toList());
        assertEquals(List.of("whe_a", "whe_a", "whe_b", "whe_a", "whe_a", "whe_b"),
                written.get(0).stream().map(WebhookDelivery::endpointId).toList());

        // Outside, each is written as it is published again.
        finalizedAndPaid("inv_3");
        assertEquals(1, written.size());
        assertEquals(3, outbox.size());
    }

    private void finalizedAndPaid(String invoiceId) {
        webhooks.onFinalized(new InvoiceFinalized("ten_1", invoiceId, "acc_1", "pay_1", "INV-" + invoiceId, gross,
                NOW.plusSeconds(86_400), NOW));
        webhooks.onPaid(new InvoicePaid("ten_1", invoiceId, "acc_1", "pay_1", "INV-" + invoiceId, gross, NOW, NOW,
                "balance", "txn_" + invoiceId, NOW, true, gross));
    }

    private final class Endpoints implements WebhookEndpointRepository {
        @Override
        public void add(WebhookEndpoint endpoint) {
            endpoints.add(endpoint);
        }

        @Override
        public Optional<WebhookEndpoint> find(String tenantId, String id) {
            return endpoints.stream().filter(e -> e.id().equals(id) && e.tenantId().equals(tenantId)).findFirst();
        }

        @Override
        public List<WebhookEndpoint> page(String tenantId, String after, int limit) {
            return live(tenantId);
        }

        @Override
        public List<WebhookEndpoint> live(String tenantId) {
            return endpoints.stream().filter(e -> e.tenantId().equals(tenantId)).toList();
        }

        @Override
        public long countLive(String tenantId) {
            return live(tenantId).size();
        }
    }

    private final class Outbox implements WebhookDeliveryRepository {
        @Override
        public void add(WebhookDelivery delivery) {
            outbox.add(delivery);
        }

        @Override
        public void add(DeliveryAttempt attempt) {
        }

        @Override
        public void addAll(List<WebhookDelivery> deliveries) {
            written.add(List.copyOf(deliveries));
        }

        @Override
        public Optional<WebhookDelivery> lockNextDue(Instant now) {
            return Optional.empty();
        }

        @Override
        public Optional<WebhookDelivery> lock(String tenantId, String id) {
            return Optional.empty();
        }

        @Override
        public List<WebhookDelivery> page(String tenantId, String endpointId, String after, int limit) {
            return List.of();
        }

        @Override
        public List<DeliveryAttempt> attempts(String tenantId, Collection<String> deliveryIds) {
            return List.of();
        }
    }
}
