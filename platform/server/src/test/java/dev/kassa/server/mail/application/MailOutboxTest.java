package dev.kassa.server.mail.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.mail.domain.OutboxMessage;
import dev.kassa.server.mail.domain.OutboxStatus;
import dev.kassa.server.mail.domain.Sender;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Putting mail in: written by the renderer, from the tenant; a mail never undoes the event it tells about. */
class MailOutboxTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final InMemoryOutbox rows = new InMemoryOutbox();
    private final MailOutbox outbox = new MailOutbox(rows, tenant -> new Sender("Reseller " + tenant, null),
            new PlainEnglishMails(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTopUpPaidMailIsWrittenInPlainEnglishFromTheTenant() {
        Money paid = Money.parse("100.00", CurrencyRegistry.iso4217().require("EUR"));
        Money credited = Money.parse("108.50", CurrencyRegistry.iso4217().require("USD"));

        String id = outbox.compose(new MailRequest("ten_1", "acc_1", PaymentMails.PAID, "customer@example.com",
                Locale.FRENCH, Map.of("customerName", "Ada", "reference", "TU7K2M9QXD", "paid", paid,
                        "credited", credited))).orElseThrow();

        OutboxMessage mail = rows.rows.get(id);
        assertTrue(id.startsWith("eml_"), id);
        assertEquals(OutboxStatus.PENDING, mail.status());
        assertEquals("Top-up TU7K2M9QXD paid", mail.subject());
        assertEquals("Reseller ten_1", mail.fromName());
        assertNull(mail.replyTo());
        assertEquals("topup.paid", mail.kind());
        assertEquals("acc_1", mail.accountId());
        assertEquals(NOW, mail.nextAttemptAt());
        ClaimedText text = ClaimedText.of(mail);
        assertTrue(text.body().contains("Hello Ada,"), text.body());
        assertTrue(text.body().contains("100.00 EUR for top-up TU7K2M9QXD"), text.body());
        assertTrue(text.body().contains("108.50 USD has been added to your balance"), text.body());
        assertNull(text.html());
    }

    @Test
    void aMailWhoseRecipientIsNoAddressIsLeftOutRatherThanUndoingTheEvent() {
        Map<String, Object> model = new HashMap<>();
        model.put("customerName", null);
        assertTrue(outbox.compose(new MailRequest("ten_1", "acc_1", PaymentMails.PAID, "a@example.com\r\nBcc: x",
                Locale.ENGLISH, model)).isEmpty());
        assertTrue(rows.rows.isEmpty());
    }

    /** The bodies of a mail, as the worker will read them. */
    private record ClaimedText(String body, String html) {
        static ClaimedText of(OutboxMessage mail) {
            var claimed = mail.claim("probe", NOW, "example.com", NOW);
            return new ClaimedText(claimed.text(), claimed.html());
        }
    }
}
