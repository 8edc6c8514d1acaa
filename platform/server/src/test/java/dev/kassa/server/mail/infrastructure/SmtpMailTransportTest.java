package dev.kassa.server.mail.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.kassa.server.config.SmtpSettings;
import dev.kassa.server.mail.application.MailTransport.Failure;
import dev.kassa.server.mail.domain.ClaimedMail;
import dev.kassa.server.mail.domain.Sender;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jakarta Mail against GreenMail, a real SMTP server in the test's process. */
class SmtpMailTransportTest {
    private static final String PASSWORD = "smtp-secret-4711";
    private static final Instant CREATED = Instant.parse("2026-12-02T10:15:30Z");

    private final SmtpMailTransport transport = new SmtpMailTransport();
    private GreenMail smtpServer;
    private SmtpSettings smtp;

    @BeforeEach
    void startSmtpServer() {
        int port = freePort();
        smtpServer = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtpServer.setUser("billing@mail.example.com", "kassa", PASSWORD);
        smtpServer.start();
        smtp = new SmtpSettings("127.0.0.1", port, Optional.of("kassa"), Optional.of(PASSWORD), false,
                "billing@mail.example.com");
    }

    @AfterEach
    void stopSmtpServer() {
        smtpServer.stop();
    }

    @Test
    void aTextMailGoesOutFromTheTenantWithTheOutboxMessageIdAndDate() throws Exception {
        transport.send(smtp, mail("customer@example.com", new Sender("Reseller Ltd", null), null));

        assertTrue(smtpServer.waitForIncomingEmail(5000, 1));
        MimeMessage received = smtpServer.getReceivedMessages()[0];
        assertArrayEquals(new InternetAddress[] {new InternetAddress("billing@mail.example.com", "Reseller Ltd")},
                received.getFrom());
        assertNull(received.getHeader("Reply-To"), "no support address: replies go to KASSA_MAIL_FROM");
        assertEquals("<eml_01TEST@mail.example.com>", received.getMessageID());
        assertEquals(Date.from(CREATED), received.getSentDate());
        assertEquals("Top-up TU7K2M9QXD paid", received.getSubject());
        assertEquals("auto-generated", received.getHeader("Auto-Submitted")[0]);
        assertEquals("customer@example.com", received.getAllRecipients()[0].toString());
        assertEquals("Hello Ä,\n\n100.00 EUR", ((String) received.getContent()).replace("\r\n", "\n").strip());
    }

    @Test
    void aMailWithHtmlHasBothAlternativesAndTheSupportAddressAsReplyTo() throws Exception {
        transport.send(smtp, mail("customer@example.com", new Sender("Réseau Ltd", "support@reseau.example"),
                "<p>Hello</p>"));

        assertTrue(smtpServer.waitForIncomingEmail(5000, 1));
        MimeMessage received = smtpServer.getReceivedMessages()[0];
        assertEquals("Réseau Ltd", ((InternetAddress) received.getFrom()[0]).getPersonal());
        assertEquals("support@reseau.example", received.getReplyTo()[0].toString());
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertTrue(received.getContentType().startsWith("multipart/alternative"), received.getContentType());
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals("<p>Hello</p>", ((String) parts.getBodyPart(1).getContent()).strip());
    }

    @Test
    void aServerThatIsDownIsAFailureToTryAgain() {
        smtpServer.stop();

        Failure failure = assertThrows(Failure.class, () -> transport.send(smtp, mail("customer@example.com",
                new Sender("Reseller Ltd", null), null)));

        assertFalse(failure.permanent());
        assertTrue(failure.getMessage().contains("onnect"), failure.getMessage());
    }

    @Test
    void aMalformedRecipientIsAFailureForGood() {
        Failure failure = assertThrows(Failure.class, () -> transport.send(smtp, mail("not an address",
                new Sender("Reseller Ltd", null), null)));

        assertTrue(failure.permanent());
        assertEquals(0, smtpServer.getReceivedMessages().length);
    }

    @Test
    void theReasonNeverShowsThePassword() {
        String described = SmtpMailTransport.describe(new jakarta.mail.AuthenticationFailedException(
                "535 5.7.8 credentials kassa/" + PASSWORD + " rejected"), smtp);

        assertEquals("AuthenticationFailedException: 535 5.7.8 credentials kassa/*** rejected", described);
        assertFalse(smtp.toString().contains(PASSWORD), smtp.toString());
    }

    @Test
    void startTlsIsRequiredWhenAskedForAndEveryStepHasATimeout() {
        SmtpSettings tls = new SmtpSettings("smtp.example.com", 587, Optional.empty(), Optional.empty(), true,
                "billing@mail.example.com");

        var p = SmtpMailTransport.properties(tls);

        assertEquals("true", p.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("false", p.getProperty("mail.smtp.auth"));
        assertEquals("billing@mail.example.com", p.getProperty("mail.smtp.from"));
        for (String timeout : new String[] {"connectiontimeout", "timeout", "writetimeout"}) {
            assertTrue(Integer.parseInt(p.getProperty("mail.smtp." + timeout)) > 0, timeout);
        }
        assertEquals("false", SmtpMailTransport.properties(smtp).getProperty("mail.smtp.starttls.required"));
    }

    private static ClaimedMail mail(String recipient, Sender sender, String html) {
        return new ClaimedMail("eml_01TEST", "ten_1", "claim-1", 1, "<eml_01TEST@mail.example.com>", recipient,
                sender, "Top-up TU7K2M9QXD paid", "Hello Ä,\n\n100.00 EUR", html, CREATED);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
