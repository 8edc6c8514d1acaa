package dev.kassa.server.mail.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailModelsTest {
    @Test
    void everyKindOfValueComesBackAsItWas() {
        Map<String, Object> model = new HashMap<>();
        model.put("number", "INV-2026-000001");
        model.put("serviceName", "Serveur « dédié » \"A\"\n");
        model.put("amount", new Money(1080, new CurrencyUnit("EUR", 2)));
        model.put("balance", new Money(-3, new CurrencyUnit("BHD", 3)));
        model.put("yen", new Money(500, new CurrencyUnit("JPY", 0)));
        model.put("paidAt", Instant.parse("2026-12-03T10:15:30.123456789Z"));
        model.put("from", LocalDate.of(2026, 12, 3));
        model.put("count", 42L);
        model.put("small", 7);
        model.put("flag", true);
        model.put("suspendAt", null);

        Map<String, Object> back = MailModels.read(MailModels.write(model).orElseThrow());

        assertEquals(model, back);
        assertTrue(back.containsKey("suspendAt"), "a null stays a member");
    }

    @Test
    void aValueItCannotKeepIsRefused() {
        assertTrue(MailModels.write(Map.of("what", new Object())).isEmpty());
        assertTrue(MailModels.write(Map.of("rate", new java.math.BigDecimal("1.5"))).isEmpty());
    }
}
