package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.KassaProcess;
import dev.kassa.testkit.stripe.StripeFake;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mail through the outbox. On the shared server, which has no SMTP settings, mail waits in the
 * outbox. Then two nodes on a database of their own, both sending every second through GreenMail:
 * each mail arrives once, from the tenant, with the outbox's Message-ID, also while the SMTP server
 * is down for a while.
 */
@ExtendWith(KassaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailIT {
    private static final String FROM = "billing@mail.kassa.test";
    private static final String SMTP_USER = "kassa";
    private static final String SMTP_PASSWORD = "smtp-" + UUID.randomUUID();

    private int smtpPort;
    private GreenMail smtpServer;
    private KassaProcess node1;
    private KassaProcess node2;
    private Kassa kassa1;

    @BeforeAll
    void twoNodesSendingThroughGreenMail(EmbeddedDatabase database) throws IOException {
        smtpPort = freePort();
        smtpServer = smtpServer(smtpPort);
        String url = database.createDatabase("kassa_mail");
        String token = "op-mail-" + UUID.randomUUID();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String masterKey = Base64.getEncoder().encodeToString(key);
        Path dir = Files.createTempDirectory("kassa-mail-it-");
        node1 = KassaProcess.start(env(database, url, token, masterKey, dir.resolve("node1")));
        node2 = KassaProcess.start(env(database, url, token, masterKey, dir.resolve("node2")));
        kassa1 = new Kassa(node1, token);
    }

    @AfterAll
    void stop() {
        try {
            closeAll(node1, node2);
        } finally {
            smtpServer.stop();
        }
    }

    @Test
    void withoutSmtpSettingsMailWaitsInTheOutbox(Kassa kassa) throws InterruptedException {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        String email = tenant.api().get("accounts/" + account).string("email");

        String reference = payTopUp(tenant, tenant.api(), account, "12.50");

        JsonObject mail = outboxMail(kassa.operator(), "PENDING", email).orElseThrow(() ->
                new AssertionError("no PENDING mail to " + email));
        assertEquals("topup.paid", mail.getString("kind"));
        assertEquals(tenant.id(), mail.getString("tenantId"));
        assertEquals(account, mail.getString("accountId"));
        assertEquals("Payment received: €12.50", mail.getString("subject"), "the theme's subject");
        assertEquals(0, mail.getInt("tries"));
        assertTrue(mail.isNull("messageId") && mail.isNull("lastError") && mail.isNull("sentAt"), mail::toString);
        Thread.sleep(2000);
        assertEquals(0, outboxMail(kassa.operator(), null, email).orElseThrow().getInt("tries"), "never tried");
        assertTrue(outboxMail(kassa.operator(), "SENT", email).isEmpty());
    }

    @Test
    void aFailedCardPaymentIsMailedOnceInTheCustomersLanguageAndACancelByRequestIsNot(Kassa kassa, StripeFake stripe)
            throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String english = tenant.newAccount();
        String french = frenchAccount(tenant);
        for (String account : List.of(english, french)) {
            ApiResponse byRequest = cardTopUp(tenant, account, "12.00");
            assertEquals("CANCELLED", tenant.api().post("top-ups/" + byRequest.string("id") + "/cancel", "{}")
                    .string("status"));

            ApiResponse declined = cardTopUp(tenant, account, "20.00");
            String intent = declined.object().getJsonObject("payment").getString("gatewayReference");
            stripe.fail(intent, "insufficient_funds");
            for (int delivery = 0; delivery < 2; delivery++) {
                assertEquals(200, stripe.paymentEvent(intent, Instant.now()).postTo(webhookUrl(kassa, tenant))
                        .statusCode());
            }
            assertEquals("CANCELLED", tenant.api().get("top-ups/" + declined.string("id")).string("status"));
        }

        JsonObject inEnglish = onlyMail(kassa, tenant, english, "topup.cancelled");
        assertEquals("Top-up cancelled: €20.00", inEnglish.getString("subject"));
        JsonObject inFrench = onlyMail(kassa, tenant, french, "topup.cancelled");
        assertEquals("Rechargement annulé\u00a0: 20,00\u00a0€", inFrench.getString("subject"));
        assertEquals("PENDING", inFrench.getString("status"), "rendered, waiting for SMTP: " + inFrench);
    }

    @Test
    void aConfirmedSavedCardAndASentRefundAreMailedOnceAndACardSavedWhilePayingIsNot(Kassa kassa, StripeFake stripe)
            throws Exception {
        Kassa.Tenant tenant = stripeTenant(kassa);
        String account = frenchAccount(tenant);
        String payer = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name", "Zoé",
                "country", "FR")).string("id");

        ApiResponse keptWhilePaying = tenant.api().post("accounts/" + account + "/top-ups", obj("amount",
                money("40.00", "EUR"), "method", "stripe-card", "payerId", payer, "saveMethod", true));
        String intent = keptWhilePaying.object().getJsonObject("payment").getString("gatewayReference");
        stripe.customerConfirms(intent);
        assertEquals(200, stripe.paymentEvent(intent, Instant.now()).postTo(webhookUrl(kassa, tenant)).statusCode());
        assertEquals("40.00", tenant.balance(account));
        assertEquals(List.of(), mails(kassa, tenant, account, "saved_method.confirmed"),
                "a card kept while paying: the customer has the top-up's mail");
        onlyMail(kassa, tenant, account, "topup.paid");

        ApiResponse saving = tenant.api().post("accounts/" + account + "/saved-methods",
                obj("method", "stripe-card", "payerId", payer));
        String setupIntent = saving.string("gatewayReference");
        stripe.customerConfirmsSetup(setupIntent);
        for (int delivery = 0; delivery < 2; delivery++) {
            assertEquals(200, stripe.setupEvent(setupIntent, Instant.now()).postTo(webhookUrl(kassa, tenant))
                    .statusCode());
        }
        assertEquals("CONFIRMED", tenant.api().get("saved-methods/" + saving.string("id")).string("status"));
        JsonObject saved = onlyMail(kassa, tenant, account, "saved_method.confirmed");
        assertEquals("Votre moyen de paiement est enregistré", saved.getString("subject"));

        ApiResponse refund = tenant.api().post("top-ups/" + keptWhilePaying.string("id") + "/refunds",
                obj("amount", money("30.00", "EUR")));
        assertEquals("SUCCEEDED", refund.string("status"), refund::toString);
        stripe.nextRefundFails("insufficient_funds");
        assertEquals("FAILED", tenant.api().post("top-ups/" + keptWhilePaying.string("id") + "/refunds",
                obj("amount", money("4.00", "EUR"))).string("status"));
        JsonObject refunded = onlyMail(kassa, tenant, account, "refund.processed");
        assertEquals("Remboursement envoyé\u00a0: 30,00\u00a0€", refunded.getString("subject"));
    }

    @Test
    void theOutboxIsTheOperatorsOnly(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();

        ApiResponse refused = tenant.api().get("operator/outbox");
        assertEquals(401, refused.status(), refused::toString);
        assertEquals("auth.unauthorized", refused.code());
        assertEquals(401, kassa.anonymous().get("operator/outbox?status=PENDING").status());

        ApiResponse bad = kassa.operator().get("operator/outbox?status=LOST");
        assertEquals(422, bad.status(), bad::toString);
        assertEquals("request.invalid", bad.code());
        assertEquals(422, kassa.operator().get("operator/outbox?limit=0").status());
    }

    @Test
    void aPaidTopUpIsMailedOnceFromTheTenantWithTheOutboxMessageId() throws Exception {
        Kassa.Tenant tenant = kassa1.newTenant();
        String account = tenant.newAccount();
        String email = tenant.api().get("accounts/" + account).string("email");

        String reference = payTopUp(tenant, tenant.api(), account, "25.00");

        MimeMessage received = awaitMails(email, 1).get(0);
        Thread.sleep(3000); // more rounds on both nodes send nothing more
        assertEquals(1, mailsTo(email).size(), "sent once");
        assertEquals(new InternetAddress(FROM, "Tenant " + tenant.slug()), received.getFrom()[0]);
        assertNull(received.getHeader("Reply-To"), "tenants have no support address yet");
        assertEquals("Payment received: €25.00", received.getSubject());
        String text = content(received);
        assertTrue(text.contains("Reference: " + reference) && text.contains("€25.00"), text);
        assertTrue(text.contains("<html lang=\"en\""), "an HTML part from the theme: " + text);

        JsonObject mail = outboxMail(kassa1.operator(), "SENT", email).orElseThrow();
        assertEquals(received.getMessageID(), mail.getString("messageId"));
        assertTrue(mail.getString("messageId").matches("<" + mail.getString("id") + "@mail\\.kassa\\.test>"),
                mail::toString);
        assertEquals(1, mail.getInt("tries"));
        assertTrue(mail.isNull("lastError") && mail.isNull("nextAttemptAt"), mail::toString);
        assertNotNull(mail.getString("sentAt"));
        for (KassaProcess node : List.of(node1, node2)) {
            assertFalse(Files.readString(node.log()).contains(SMTP_PASSWORD), "the SMTP password is never logged");
        }
    }

    @Test
    void whileTheSmtpServerIsDownMailIsTriedAgainWithBackOffThenDeliveredOnce() throws Exception {
        Kassa.Tenant tenant = kassa1.newTenant();
        String account = tenant.newAccount();
        String email = tenant.api().get("accounts/" + account).string("email");
        smtpServer.stop();
        try {
            payTopUp(tenant, tenant.api(), account, "30.00");

            JsonObject waiting = await("three failed tries", () -> outboxMail(kassa1.operator(), "PENDING", email)
                    .filter(m -> m.getInt("tries") >= 3));
            assertFalse(waiting.isNull("lastError"), waiting::toString);
            assertFalse(waiting.getString("lastError").contains(SMTP_PASSWORD));
            Duration gap = Duration.between(Instant.parse(waiting.getString("lastAttemptAt")),
                    Instant.parse(waiting.getString("nextAttemptAt")));
            // With KASSA_MAIL_INTERVAL=1 the gaps are 1, 2, 4, … seconds: after the third try, 4.
            assertTrue(gap.compareTo(Duration.ofMillis(3500)) >= 0, () -> "gap " + gap + " after " + waiting);
        } finally {
            smtpServer = smtpServer(smtpPort);
        }

        awaitMails(email, 1);
        JsonObject sent = await("the mail SENT", () -> outboxMail(kassa1.operator(), "SENT", email));
        Thread.sleep(3000);
        assertEquals(1, mailsTo(email).size(), "delivered once");
        assertTrue(sent.getInt("tries") >= 4, sent::toString);
        assertTrue(sent.isNull("lastError"), sent::toString);
    }

    @Test
    void twoNodesSendEveryMailOnce() throws Exception {
        Kassa.Tenant tenant = kassa1.newTenant();
        ApiClient onNode2 = new ApiClient(node2.baseUri(), tenant.api().token());
        String account = tenant.newAccount();
        String email = tenant.api().get("accounts/" + account).string("email");

        for (int i = 0; i < 20; i++) {
            payTopUp(tenant, i % 2 == 0 ? tenant.api() : onNode2, account, "5.00");
        }

        List<MimeMessage> received = awaitMails(email, 20);
        Thread.sleep(3000);
        assertEquals(20, mailsTo(email).size(), "each mail once");
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : received) {
            ids.add(m.getMessageID());
        }
        assertEquals(20, ids.size(), "20 mails, 20 Message-IDs");
        List<JsonObject> rows = outboxMails(kassa1.operator(), "SENT", email);
        assertEquals(20, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.getInt("tries") == 1), () -> "no mail tried twice: " + rows);
    }

    /** A tenant with stripe-card on for every country, on its own account of the Stripe fake, and French for FR. */
    private static Kassa.Tenant stripeTenant(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse put = tenant.api().put("payment-methods/stripe-card", obj("enabled", true, "countries",
                List.of("*"), "credentials", Map.of("secretKey", "sk_test_" + tenant.slug().replace('-', '_'),
                        "publishableKey", StripeFake.PUBLISHABLE_KEY, "webhookSecret", StripeFake.WEBHOOK_SECRET)));
        assertEquals(200, put.status(), put::toString);
        assertEquals(200, tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("FR"))).status());
        return tenant;
    }

    private static String frenchAccount(Kassa.Tenant tenant) {
        ApiResponse r = tenant.api().post("accounts", obj("email", "fr" + System.nanoTime() + "@example.com",
                "name", "Zoé", "country", "FR", "locale", "fr"));
        assertEquals(201, r.status(), r::toString);
        return r.string("id");
    }

    private static ApiResponse cardTopUp(Kassa.Tenant tenant, String account, String amount) {
        ApiResponse topUp = tenant.api().post("accounts/" + account + "/top-ups",
                obj("amount", money(amount, "EUR"), "method", "stripe-card"));
        assertEquals(201, topUp.status(), topUp::toString);
        return topUp;
    }

    private static java.net.URI webhookUrl(Kassa kassa, Kassa.Tenant tenant) {
        return kassa.process().baseUri().resolve("/webhooks/" + tenant.slug() + "/stripe");
    }

    /** The account's outbox mails of that kind, to its e-mail address. */
    private static List<JsonObject> mails(Kassa kassa, Kassa.Tenant tenant, String account, String kind) {
        String email = tenant.api().get("accounts/" + account).string("email");
        return outboxMails(kassa.operator(), null, email).stream().filter(m -> m.getString("kind").equals(kind))
                .peek(m -> assertEquals(account, m.getString("accountId"))).toList();
    }

    /** The account's one outbox mail of that kind (there must be exactly one). */
    private static JsonObject onlyMail(Kassa kassa, Kassa.Tenant tenant, String account, String kind) {
        List<JsonObject> found = mails(kassa, tenant, account, kind);
        assertEquals(1, found.size(), () -> kind + " mails: " + found);
        return found.get(0);
    }

    /** Pays a top-up by bank transfer; returns its reference. */
    private static String payTopUp(Kassa.Tenant tenant, ApiClient api, String account, String amount) {
        tenant.api().put("payment-methods/bank-transfer", obj("enabled", true, "countries", List.of("*"),
                "beneficiary", "Reseller Ltd", "iban", "GB82 WEST 1234 5698 7654 32", "bic", "WESTGB2L"));
        ApiResponse topUp = api.post("accounts/" + account + "/top-ups",
                obj("amount", money(amount, "EUR"), "method", "bank-transfer"));
        assertEquals(201, topUp.status(), topUp::toString);
        ApiResponse transfer = api.post("bank-transfers", obj("bankTransactionId", "mail-" + UUID.randomUUID(),
                "reference", topUp.string("reference"), "amount", money(amount, "EUR")));
        assertEquals("MATCHED", transfer.string("status"), transfer::toString);
        return topUp.string("reference");
    }

    /** The newest outbox mail to {@code recipient} of that status (null: any). */
    private static Optional<JsonObject> outboxMail(ApiClient operator, String status, String recipient) {
        List<JsonObject> mails = outboxMails(operator, status, recipient);
        return mails.isEmpty() ? Optional.empty() : Optional.of(mails.get(0));
    }

    private static List<JsonObject> outboxMails(ApiClient operator, String status, String recipient) {
        List<JsonObject> found = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            ApiResponse r = operator.get("operator/outbox?limit=200" + (status == null ? "" : "&status=" + status)
                    + (after == null ? "" : "&after=" + after));
            assertEquals(200, r.status(), r::toString);
            r.items().getValuesAs(JsonObject.class).stream()
                    .filter(m -> m.getString("recipient").equals(recipient)).forEach(found::add);
            if (r.object().isNull("next")) {
                break;
            }
            after = r.object().getString("next");
        }
        return found;
    }

    private List<MimeMessage> awaitMails(String recipient, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (mailsTo(recipient).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        List<MimeMessage> mails = mailsTo(recipient);
        assertEquals(count, mails.size(), "mails to " + recipient);
        return mails;
    }

    private List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(smtpServer.getReceivedMessages()).filter(to(recipient)).toList();
    }

    private static Predicate<MimeMessage> to(String recipient) {
        return m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(recipient);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static <T> T await(String what, java.util.function.Supplier<Optional<T>> probe)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited 90 s for " + what);
    }

    /** The text of every part of the mail, one after the other. */
    private static String content(MimeMessage m) {
        try {
            if (m.getContent() instanceof jakarta.mail.Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(multipart.getBodyPart(i).getContent()).append('\n');
                }
                return all.toString();
            }
            return m.getContent().toString();
        } catch (IOException | MessagingException e) {
            return e.toString();
        }
    }

    private java.util.Map<String, String> env(EmbeddedDatabase database, String url, String token,
                                                     String masterKey, Path dataDir) {
        return KassaProcess.env("KASSA_DB_URL", url, "KASSA_DB_USER", database.user(),
                "KASSA_DB_PASSWORD", database.password(), "KASSA_DATA_DIR", dataDir.toString(),
                "KASSA_OPERATOR_TOKEN", token, "KASSA_MASTER_KEY", masterKey,
                "KASSA_SMTP_HOST", "127.0.0.1", "KASSA_SMTP_PORT", Integer.toString(smtpPort),
                "KASSA_SMTP_USER", SMTP_USER, "KASSA_SMTP_PASSWORD", SMTP_PASSWORD, "KASSA_SMTP_STARTTLS", "false",
                "KASSA_MAIL_FROM", FROM, "KASSA_MAIL_INTERVAL", "1");
    }

    private static GreenMail smtpServer(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.setUser(FROM, SMTP_USER, SMTP_PASSWORD);
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeAll(KassaProcess... nodes) {
        for (KassaProcess node : nodes) {
            if (node != null) {
                node.close();
            }
        }
    }
}
