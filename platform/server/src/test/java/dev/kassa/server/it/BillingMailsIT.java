package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Eventually;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.OwnNode;
import dev.kassa.testkit.clientarea.ClientAreaClient;
import dev.kassa.testkit.clientarea.ClientAreas;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The billing e-mails, on a node of its own that runs the billing run every second and sends mail
 * every second through GreenMail: an invoice issued (not a draft, not a renewal invoice), its
 * receipt, a renewal left unpaid with what to do, the suspension that follows, and the renewal once
 * the customer paid from the Renewals tab; each in the customer's language, from the tenant.
 */
@ExtendWith(KassaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingMailsIT {
    private static final String FROM = "billing@mail.kassa.test";
    private static final String SMTP_USER = "kassa";
    private static final String SMTP_PASSWORD = "smtp-" + UUID.randomUUID();

    private GreenMail smtpServer;
    private OwnNode node;
    private Kassa kassa;

    @BeforeAll
    void aNodeThatBillsAndMailsEverySecond(EmbeddedDatabase database) {
        int smtpPort = freePort();
        smtpServer = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtpServer.setUser(FROM, SMTP_USER, SMTP_PASSWORD);
        smtpServer.start();
        node = OwnNode.start(database, "kassa_billing_mails",
                "KASSA_SMTP_HOST", "127.0.0.1", "KASSA_SMTP_PORT", Integer.toString(smtpPort),
                "KASSA_SMTP_USER", SMTP_USER, "KASSA_SMTP_PASSWORD", SMTP_PASSWORD, "KASSA_SMTP_STARTTLS", "false",
                "KASSA_MAIL_FROM", FROM, "KASSA_MAIL_INTERVAL", "1", "KASSA_BILLING_INTERVAL", "1");
        kassa = node.kassa();
    }

    @AfterAll
    void stop() {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            smtpServer.stop();
        }
    }

    @Test
    void aOneOffInvoiceIsMailedWhenFinalisedNeverAsADraftAndItsReceiptWhenPaid() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        BillingPagesIT.Shop shop = BillingPagesIT.customer(tenant, browser);
        String email = tenant.api().get("accounts/" + shop.account()).string("email");
        ApiResponse draft = tenant.api().post("accounts/" + shop.account() + "/invoices", "{\"payerId\": \""
                + shop.payer() + "\", \"lines\": [" + InvoiceIT.line("Draft", 1, "5.00") + "]}");
        assertEquals(201, draft.status(), draft::toString);

        String invoice = BillingPagesIT.openInvoice(shop);
        String number = tenant.api().get("invoices/" + invoice).string("number");
        MimeMessage issued = awaitMails(email, 1).get(0);
        assertEquals("New invoice " + number + ": €58.80", issued.getSubject());
        assertEquals(FROM, issued.getFrom()[0].toString().replaceAll(".*<|>.*", ""));
        String body = content(issued);
        assertTrue(body.contains("Your invoice " + number + " of €58.80 is ready."), body);
        assertTrue(body.contains("http://" + ClientAreas.hostOf(tenant)) && body.contains("/invoices"), body);

        tenant.fund(shop.account(), "100.00");
        assertEquals(200, tenant.api().post("invoices/" + invoice + "/pay", obj("from", "balance")).status());
        List<MimeMessage> mails = awaitMails(email, 2);
        MimeMessage receipt = mails.stream().filter(m -> subject(m).startsWith("Receipt")).findFirst().orElseThrow();
        assertEquals("Receipt for invoice " + number, receipt.getSubject());
        assertTrue(content(receipt).contains("Your balance is now €41.20."), content(receipt));
        Thread.sleep(2000);
        assertEquals(2, mailsTo(email).size(), "nothing for the draft, nothing twice");
    }

    @Test
    void anUnpaidRenewalSaysWhatToDoThenTheSuspensionAndPayingFromTheRenewalsTabRenewsInFrench() throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        assertEquals(200, tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("FR"))).status());
        assertEquals(200, tenant.api().put("settings/billing", obj("establishmentCountry", "FR", "graceDays", 0,
                "terminationDays", 30)).status());
        ApiResponse created = tenant.api().post("accounts", obj("email", "zoe" + System.nanoTime() + "@example.com",
                "name", "Zoé", "country", "FR", "locale", "fr"));
        assertEquals(201, created.status(), created::toString);
        String account = created.string("id");
        String email = created.string("email");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        tenant.fund(account, "5.00");
        String due = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String service = ServicesIT.create(tenant, account, payer, "9.00", due).string("id");

        Eventually.until(() -> "SUSPENDED".equals(tenant.api().get("services/" + service).string("status")),
                "suspended: no grace");
        List<MimeMessage> unpaid = awaitMails(email, 2);
        String invoice = tenant.api().get("services/" + service).string("unpaidInvoiceId");
        String number = tenant.api().get("invoices/" + invoice).string("number");
        MimeMessage failed = withSubject(unpaid, "Renouvellement de VPS srv-42 impayé");
        String what = content(failed);
        assertTrue(what.contains("votre solde (5,00\u00a0€) ne couvre pas sa facture " + number + " de 10,80\u00a0€"),
                what);
        assertTrue(what.contains("/top-up") && what.contains("/invoices?status=NEW"), "what to do, with links: " + what);
        MimeMessage suspended = withSubject(unpaid, "VPS srv-42 est suspendu");
        assertTrue(content(suspended).contains("sa facture de renouvellement " + number + " de 10,80\u00a0€ est impayée"),
                content(suspended));

        ClientAreas.signIn(tenant, account, browser);
        ClientAreaClient.Page renewals = browser.get("/renewals");
        assertTrue(renewals.body().contains("data-service=\"" + service + "\" data-status=\"SUSPENDED\""),
                renewals.body());
        assertTrue(renewals.body().contains("href=\"/top-up?invoice=" + invoice + "\"")
                && renewals.body().contains("data-test=\"pay-invoice\""), renewals.body());
        assertFalse(renewals.body().contains("data-test=\"renew\""), "nothing to renew ahead while a renewal is unpaid");
        assertTrue(renewals.body().contains("data-test=\"notice-invoices-due\""), renewals.body());
        tenant.fund(account, "10.00");
        ClientAreaClient.Page paid = browser.post("/invoices", Map.of("invoice", invoice, "returnTo", "/renewals"));
        assertEquals(303, paid.status(), paid::toString);
        assertEquals("/renewals?paid=" + invoice, paid.location());
        assertTrue(browser.follow(paid).body().contains("data-status=\"ACTIVE\""));
        assertEquals("ACTIVE", tenant.api().get("services/" + service).string("status"));

        List<MimeMessage> all = awaitMails(email, 4);
        assertEquals("Reçu de la facture " + number, withSubject(all, "Reçu de la facture " + number).getSubject());
        MimeMessage renewed = withSubject(all, "VPS srv-42 est renouvelé");
        assertTrue(content(renewed).contains("La facture " + number + " de 10,80\u00a0€ est payée"), content(renewed));
        assertTrue(all.stream().noneMatch(m -> subject(m).startsWith("Nouvelle facture")),
                "a renewal invoice is told of by the renewal's mails");
    }

    private static MimeMessage withSubject(List<MimeMessage> mails, String subject) {
        return mails.stream().filter(m -> subject.equals(subject(m))).findFirst()
                .orElseThrow(() -> new AssertionError("no mail \"" + subject + "\" in "
                        + mails.stream().map(BillingMailsIT::subject).toList()));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MimeMessage> awaitMails(String recipient, int count) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (mailsTo(recipient).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        List<MimeMessage> mails = mailsTo(recipient);
        assertEquals(count, mails.size(), () -> "mails to " + recipient + ": "
                + mails.stream().map(BillingMailsIT::subject).toList());
        return mails;
    }

    /** The billing mails to {@code recipient}: the invitation that signs the customer in is left out. */
    private List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(smtpServer.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(recipient);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).filter(m -> !subject(m).endsWith("account is ready") && !subject(m).endsWith("est prêt")).toList();
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
