package dev.kassa.server.mail.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.config.Settings;
import dev.kassa.server.config.SmtpSettings;
import dev.kassa.server.mail.domain.ClaimedMail;
import dev.kassa.server.mail.domain.MailContent;
import dev.kassa.server.mail.domain.OutboxMessage;
import dev.kassa.server.mail.domain.OutboxStatus;
import dev.kassa.server.mail.domain.RetryPolicy;
import dev.kassa.server.mail.domain.Sender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's rules: claim, send, record; back-off, giving up, and one node's claim against another's. */
class MailWorkerTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Map<String, String> SMTP = Map.of(Settings.SMTP_HOST, "smtp.example.com",
            Settings.MAIL_FROM, "billing@mail.example.com", Settings.MAIL_INTERVAL, "5");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryOutbox rows = new InMemoryOutbox();
    private final FakeTransport transport = new FakeTransport();
    private final MailOutbox outbox = new MailOutbox(rows, tenant -> new Sender("Reseller Ltd", null),
            new PlainEnglishMails(), clock);
    private final OutboxClaims claims = new OutboxClaims(rows, new PlainEnglishMails(), clock);
    private final OutboxOutcomes outcomes = new OutboxOutcomes(rows, new RetryPolicy(Duration.ofSeconds(5)), clock);

    private MailWorker worker(Map<String, String> settings) {
        return new MailWorker(claims, outcomes, transport, new Settings(settings));
    }

    private String enqueue() {
        return outbox.enqueue(new OutgoingMail("ten_1", "acc_1", "topup.paid", "customer@example.com",
                new MailContent("Top-up paid", "Hello", null)));
    }

    @Test
    void withoutSmtpSettingsNothingIsTriedAndMailWaits() {
        enqueue();

        assertEquals(0, worker(Map.of()).runOnce());

        assertTrue(transport.sent.isEmpty());
        OutboxMessage mail = rows.only();
        assertEquals(OutboxStatus.PENDING, mail.status());
        assertEquals(0, mail.tries());
        assertNull(mail.messageId());
    }

    @Test
    void aDueMailIsSentOnceFromTheTenantWithAStableMessageId() {
        String id = enqueue();
        MailWorker worker = worker(SMTP);

        assertEquals(1, worker.runOnce());
        clock.advance(Duration.ofHours(2));
        assertEquals(0, worker.runOnce(), "a sent mail is never tried again");

        assertEquals(1, transport.sent.size());
        ClaimedMail sent = transport.sent.get(0);
        assertEquals("<" + id + "@mail.example.com>", sent.messageId());
        assertEquals(new Sender("Reseller Ltd", null), sent.sender());
        assertEquals("smtp.example.com", transport.smtp.get(0).host());
        OutboxMessage mail = rows.only();
        assertEquals(OutboxStatus.SENT, mail.status());
        assertEquals(1, mail.tries());
        assertEquals(T0, mail.sentAt());
        assertEquals(sent.messageId(), mail.messageId());
    }

    @Test
    void aFailedTryIsRepeatedWithBackOffThenSent() {
        enqueue();
        MailWorker worker = worker(SMTP);
        transport.fail("Connection refused", false);
        transport.fail("421 4.3.2 try later", false);

        worker.runOnce();
        OutboxMessage mail = rows.only();
        assertEquals(OutboxStatus.PENDING, mail.status());
        assertEquals(1, mail.tries());
        assertEquals("Connection refused", mail.lastError());
        assertEquals(T0.plusSeconds(5), mail.nextAttemptAt());

        clock.advance(Duration.ofSeconds(4));
        assertEquals(0, worker.runOnce(), "not before its time");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, worker.runOnce());
        assertEquals(2, mail.tries());
        assertEquals(clock.instant().plusSeconds(10), mail.nextAttemptAt(), "twice the gap after the second try");

        clock.advance(Duration.ofSeconds(10));
        worker.runOnce();

        assertEquals(OutboxStatus.SENT, mail.status());
        assertEquals(3, mail.tries());
        assertNull(mail.lastError());
        assertEquals(3, transport.sent.size());
        assertEquals(1, transport.sent.stream().map(ClaimedMail::messageId).distinct().count(),
                "every try carries the same Message-ID");
    }

    @Test
    void aRefusedRecipientIsGivenUpAtOnce() {
        enqueue();
        transport.fail("550 5.1.1 user unknown", true);

        worker(SMTP).runOnce();

        OutboxMessage mail = rows.only();
        assertEquals(OutboxStatus.FAILED, mail.status());
        assertEquals(1, mail.tries());
        assertEquals("550 5.1.1 user unknown", mail.lastError());
    }

    @Test
    void afterTheLastTryTheMailIsFailedWithItsReason() {
        enqueue();
        MailWorker worker = worker(SMTP);
        for (int i = 0; i < RetryPolicy.MAX_TRIES; i++) {
            transport.fail("Connection refused " + (i + 1), false);
        }

        for (int i = 0; i < RetryPolicy.MAX_TRIES; i++) {
            assertEquals(1, worker.runOnce(), "try " + (i + 1));
            clock.advance(Duration.ofHours(1));
        }
        assertEquals(0, worker.runOnce());

        OutboxMessage mail = rows.only();
        assertEquals(OutboxStatus.FAILED, mail.status());
        assertEquals(RetryPolicy.MAX_TRIES, mail.tries());
        assertEquals("Connection refused " + RetryPolicy.MAX_TRIES, mail.lastError());
    }

    @Test
    void anUnexpectedErrorOfTheTransportIsTriedAgain() {
        enqueue();
        transport.breakWith(new IllegalStateException("no provider for smtp"));

        worker(SMTP).runOnce();

        OutboxMessage mail = rows.only();
        assertEquals(OutboxStatus.PENDING, mail.status());
        assertEquals("java.lang.IllegalStateException: no provider for smtp", mail.lastError());
    }

    @Test
    void aClaimedMailIsLeftAloneByOtherNodesUntilTheLeaseEnds() {
        enqueue();
        ClaimedMail mine = claims.next("mail.example.com").orElseThrow();

        assertTrue(claims.next("mail.example.com").isEmpty(), "another node finds nothing due");
        clock.advance(OutboxClaims.LEASE.minusSeconds(1));
        assertTrue(claims.next("mail.example.com").isEmpty());

        assertTrue(outcomes.sent(mine));
        assertEquals(OutboxStatus.SENT, rows.only().status());
    }

    @Test
    void aNodeWhoseLeaseRanOutRecordsNothing() {
        enqueue();
        ClaimedMail slow = claims.next("mail.example.com").orElseThrow();
        clock.advance(OutboxClaims.LEASE);
        ClaimedMail other = claims.next("mail.example.com").orElseThrow();

        assertFalse(outcomes.sent(slow), "the slow node lost its claim");
        assertFalse(outcomes.failed(slow, "timeout", false));
        OutboxMessage mail = rows.only();
        assertEquals(OutboxStatus.PENDING, mail.status());
        assertTrue(mail.heldBy(other.claim()));
        assertEquals(slow.messageId(), other.messageId());

        assertTrue(outcomes.sent(other));
        assertEquals(OutboxStatus.SENT, mail.status());
    }

    @Test
    void aRoundTakesAtMostOneBatchOldestDueFirst() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MailWorker.BATCH + 3; i++) {
            ids.add(enqueue());
            clock.advance(Duration.ofMillis(1));
        }
        MailWorker worker = worker(SMTP);

        assertEquals(MailWorker.BATCH, worker.runOnce());
        assertEquals(ids.subList(0, MailWorker.BATCH), transport.sent.stream().map(ClaimedMail::id).toList());
        assertEquals(3, worker.runOnce());
    }

    @Test
    void aMailWhoseTemplateFailsIsKeptFailedAndNeverTried() {
        outbox.compose(new MailRequest("ten_1", "acc_1", "account.unheard_of", "customer@example.com",
                java.util.Locale.FRENCH, Map.of()));

        assertEquals(0, worker(SMTP).runOnce());

        OutboxMessage mail = rows.only();
        assertEquals(OutboxStatus.FAILED, mail.status());
        assertTrue(mail.lastError().contains("no template for mail account.unheard_of"), mail.lastError());
    }

    @Test
    void aMailComposedLaterIsWrittenWhenFirstSentAndTheModelGoesBackAsItWas() {
        outbox.composeLater(new MailRequest("ten_1", "acc_1", "topup.paid", "customer@example.com",
                java.util.Locale.FRENCH, Map.of("reference", "TU-1", "customerName", "Zoé",
                        "paid", new dev.kassa.server.shared.Money(1250, new dev.kassa.server.shared.CurrencyUnit("EUR", 2)),
                        "credited", new dev.kassa.server.shared.Money(1250,
                                new dev.kassa.server.shared.CurrencyUnit("EUR", 2)))));
        OutboxMessage waiting = rows.only();
        assertTrue(waiting.needsWriting());
        assertEquals("", waiting.subject(), "not written yet");
        assertEquals(OutboxStatus.PENDING, waiting.status());

        assertEquals(1, worker(SMTP).runOnce());

        ClaimedMail sent = transport.sent.get(0);
        assertEquals("Top-up TU-1 paid", sent.subject());
        assertTrue(sent.text().contains("Hello Zoé") && sent.text().contains("12.50 EUR"), sent.text());
        OutboxMessage mail = rows.only();
        assertEquals(OutboxStatus.SENT, mail.status());
        assertTrue(!mail.needsWriting() && mail.model() == null && mail.locale() == null);
        assertEquals("Top-up TU-1 paid", mail.subject());
    }

    @Test
    void aMailComposedLaterWhoseTemplateFailsIsKeptFailedAndTheNextOneIsSent() {
        outbox.composeLater(new MailRequest("ten_1", "acc_1", "account.unheard_of", "customer@example.com",
                java.util.Locale.FRENCH, Map.of()));
        clock.advance(Duration.ofSeconds(1));
        String next = enqueue();

        assertEquals(1, worker(SMTP).runOnce());

        assertEquals(1, transport.sent.size());
        assertEquals("<" + next + "@mail.example.com>", transport.sent.get(0).messageId());
        OutboxMessage failed = rows.rows.values().stream().filter(m -> !m.id().equals(next)).findFirst().orElseThrow();
        assertEquals(OutboxStatus.FAILED, failed.status());
        assertTrue(failed.lastError().contains("no template for mail account.unheard_of"), failed.lastError());
        assertTrue(!failed.needsWriting() && failed.model() == null);
    }

    /** Succeeds unless told to fail; remembers every mail it was handed. */
    static final class FakeTransport implements MailTransport {
        final List<ClaimedMail> sent = new ArrayList<>();
        final List<SmtpSettings> smtp = new ArrayList<>();
        private final Deque<Exception> failures = new ArrayDeque<>();

        void fail(String reason, boolean permanent) {
            failures.add(new Failure(reason, permanent));
        }

        void breakWith(RuntimeException e) {
            failures.add(e);
        }

        @Override
        public void send(SmtpSettings settings, ClaimedMail mail) throws Failure {
            sent.add(mail);
            smtp.add(settings);
            Exception next = failures.poll();
            if (next instanceof Failure f) {
                throw f;
            }
            if (next instanceof RuntimeException e) {
                throw e;
            }
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
