package dev.kassa.server.mail.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(60);
    private static final Sender SENDER = new Sender("Reseller Ltd", "support@reseller.example");

    private final OutboxMessage message = OutboxMessage.pending("eml_1", "ten_1", "acc_1", "topup.paid",
            "customer@example.com", SENDER, new MailContent("Top-up paid", "Hello", "<p>Hello</p>"), T0);

    @Test
    void aNewMailIsPendingAndDueAtOnce() {
        assertEquals(OutboxStatus.PENDING, message.status());
        assertEquals(T0, message.nextAttemptAt());
        assertEquals(0, message.tries());
        assertNull(message.messageId());
    }

    @Test
    void aClaimCountsTheTryAndHoldsTheMailUntilTheLeaseEnds() {
        ClaimedMail claimed = message.claim("c1", T2, "mail.example", T1);

        assertEquals(1, claimed.tries());
        assertEquals(1, message.tries());
        assertEquals(T2, message.nextAttemptAt());
        assertEquals(T1, message.lastAttemptAt());
        assertTrue(message.heldBy("c1"));
        assertFalse(message.heldBy("c2"));
        assertFalse(message.heldBy(null));
        assertEquals("<eml_1@mail.example>", claimed.messageId());
        assertEquals("customer@example.com", claimed.recipient());
        assertEquals(SENDER, claimed.sender());
        assertEquals("Top-up paid", claimed.subject());
        assertEquals("Hello", claimed.text());
        assertEquals("<p>Hello</p>", claimed.html());
        assertEquals(T0, claimed.createdAt(), "the Date header is when the event happened");
    }

    @Test
    void theMessageIdIsFixedAtTheFirstTry() {
        message.claim("c1", T2, "mail.example", T1);
        message.failedTry("421 try later", Optional.of(T1), T1);

        ClaimedMail second = message.claim("c2", T2, "other.example", T1);

        assertEquals("<eml_1@mail.example>", second.messageId());
        assertEquals(2, second.tries());
    }

    @Test
    void sentClearsTheBodiesAndTheClaim() {
        message.claim("c1", T2, "mail.example", T1);
        message.sent(T2);

        assertEquals(OutboxStatus.SENT, message.status());
        assertEquals(T2, message.sentAt());
        assertNull(message.nextAttemptAt());
        assertFalse(message.heldBy("c1"));
        assertThrows(IllegalStateException.class, () -> message.claim("c2", T2, "mail.example", T2));
        assertThrows(IllegalStateException.class, () -> message.sent(T2));
    }

    @Test
    void aFailedTryWithANextTryReleasesTheClaimAndKeepsTheReason() {
        message.claim("c1", T2, "mail.example", T1);
        message.failedTry("Connection refused", Optional.of(T0.plusSeconds(5)), T1);

        assertEquals(OutboxStatus.PENDING, message.status());
        assertEquals(T0.plusSeconds(5), message.nextAttemptAt());
        assertEquals("Connection refused", message.lastError());
        assertFalse(message.heldBy("c1"));
    }

    @Test
    void aFailedTryWithoutANextTryGivesUp() {
        message.claim("c1", T2, "mail.example", T1);
        message.failedTry("x".repeat(2000), Optional.empty(), T1);

        assertEquals(OutboxStatus.FAILED, message.status());
        assertNull(message.nextAttemptAt());
        assertEquals(OutboxMessage.MAX_ERROR, message.lastError().length());
    }

    @Test
    void aMailWhoseTemplateFailedIsKeptFailedWithTheReason() {
        OutboxMessage failed = OutboxMessage.unrendered("eml_2", "ten_1", "acc_1", "topup.paid",
                "customer@example.com", SENDER, "no template", T0);

        assertEquals(OutboxStatus.FAILED, failed.status());
        assertEquals("not rendered: no template", failed.lastError());
        assertNull(failed.nextAttemptAt());
    }

    @Test
    void headersCannotBeSmuggledIn() {
        assertThrows(IllegalArgumentException.class, () -> OutboxMessage.pending("eml_3", "ten_1", null, "topup.paid",
                "a@example.com\r\nBcc: b@example.com", SENDER, new MailContent("s", "t", null), T0));
        assertEquals("Paid Bcc: x", new MailContent("Paid\r\nBcc: x", "t", null).subject());
        assertEquals("Evil Bcc: x", new Sender("Evil\nBcc: x", null).name());
        assertThrows(IllegalArgumentException.class, () -> new Sender("A", "a@example.com\nBcc: b@example.com"));
    }

    @Test
    void aKindIsDottedLowerCaseWords() {
        for (String bad : new String[] {"paid", "Topup.Paid", "topup paid", "topup.", ".paid"}) {
            assertThrows(IllegalArgumentException.class, () -> OutboxMessage.pending("eml_4", "ten_1", null, bad,
                    "a@example.com", SENDER, new MailContent("s", "t", null), T0), bad);
        }
    }
}
