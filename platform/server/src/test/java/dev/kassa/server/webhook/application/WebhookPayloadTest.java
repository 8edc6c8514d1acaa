package dev.kassa.server.webhook.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kassa.server.billing.application.InvoiceWebhooks;
import dev.kassa.server.billing.application.ServiceWebhooks;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class WebhookPayloadTest {
    public record Data(String id, String name, Money price, Instant at, String none, long count, boolean flag) { }

    /** How the payload was written before: data written by JSON-B, read back and written again. */
    private static String readBackAndWritten(String eventId, String type, Instant createdAt, String tenantId,
                                             Object data) {
        String json = jakarta.json.bind.JsonbBuilder.create(new jakarta.json.bind.JsonbConfig().withNullValues(true)
                .withAdapters(new WebhookEvents.MoneyAdapter())).toJson(data);
        JsonObject dataObject = Json.createReader(new StringReader(json)).readObject();
        return Json.createObjectBuilder().add("id", eventId).add("type", type)
                .add("createdAt", createdAt.truncatedTo(ChronoUnit.MILLIS).toString()).add("tenantId", tenantId)
                .add("data", dataObject).build().toString();
    }

    @Test
    void thePayloadIsWhatReadingBackAndWritingAgainGave() {
        Instant at = Instant.parse("2026-12-03T10:15:30.123456Z");
        Data data = new Data("svc_1", "Serveur « dédié » \"A\"\\ \u0001 \n ✓", new Money(1250, new CurrencyUnit("EUR", 2)),
                at, null, 42, true);
        assertEquals(readBackAndWritten("evt_1", "service.renewed", at, "ten_\"x", data),
                WebhookEvents.payload("evt_1", "service.renewed", at, "ten_\"x", data));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", "x");
        map.put("a", null);
        map.put("amount", new Money(-5, new CurrencyUnit("JPY", 0)));
        assertEquals(readBackAndWritten("evt_2", "topup.paid", at, "ten_2", map),
                WebhookEvents.payload("evt_2", "topup.paid", at, "ten_2", map));
    }

    public record Listed(String id, java.util.List<String> names) { }

    /** The billing run's records, written without JSON-B, and a record it does not write, as JSON-B writes them. */
    @Test
    void recordsAreWrittenAsJsonBWritesThem() {
        Instant at = Instant.parse("2026-12-03T10:15:30Z");
        Money price = new Money(990, new CurrencyUnit("EUR", 2));
        Object[] records = {
            new InvoiceWebhooks.InvoiceEventData("inv_1", "acc_1", "pay_1", "INV-2026-000001", "PAID", price, at,
                    at.plusMillis(1), at.plusNanos(1000), "balance", "txn_1"),
            new InvoiceWebhooks.InvoiceEventData("inv_2", "acc_1", "pay_1", "INV-2026-000002", "NEW", price, null,
                    at, null, null, null),
            new ServiceWebhooks.ServiceEventData("svc_1", "acc_1", "pay_1", null, "VPS \"S\"", "ACTIVE", price, "P1M",
                    at, "inv_1", null, null, null),
            new Listed("x", java.util.List.of("a", "b")),
        };
        for (Object data : records) {
            assertEquals(readBackAndWritten("evt_3", "invoice.paid", at, "ten_3", data),
                    WebhookEvents.payload("evt_3", "invoice.paid", at, "ten_3", data));
        }
    }
}
