package dev.kassa.server.mail.infrastructure;

import dev.kassa.server.config.SmtpSettings;
import dev.kassa.server.mail.application.MailTransport;
import dev.kassa.server.mail.domain.ClaimedMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends over SMTP with Jakarta Mail; Payara Micro provides the API and its implementation, Eclipse
 * Angus Mail, so the application bundles neither. One connection per mail, every step bounded by a
 * timeout, so a try always ends well within {@link dev.kassa.server.mail.application.OutboxClaims#LEASE}.
 * The Message-ID and Date are the outbox row's, the same on every try of that mail.
 */
@ApplicationScoped
public class SmtpMailTransport implements MailTransport {
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final int IO_TIMEOUT_MILLIS = 20_000;
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    @Override
    public void send(SmtpSettings smtp, ClaimedMail mail) throws Failure {
        Session session = Session.getInstance(properties(smtp));
        MimeMessage message;
        try {
            message = message(session, smtp, mail);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new Failure("cannot be written as a mail: " + describe(e, smtp), true); // a malformed address
        }
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(smtp.host(), smtp.port(), smtp.user().orElse(null), smtp.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            // Invalid addresses: the server refused the recipient for good (5xx); a 4xx leaves it among
            // the valid unsent ones, to try again.
            Address[] refused = e.getInvalidAddresses();
            throw new Failure(describe(e, smtp), refused != null && refused.length > 0);
        } catch (MessagingException e) {
            throw new Failure(describe(e, smtp), false);
        } finally {
            closeQuietly(transport);
        }
    }

    /** The mail as it goes out; the same on every try but for the MIME boundary. */
    static MimeMessage message(Session session, SmtpSettings smtp, ClaimedMail mail)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new StableIdMessage(session, mail.messageId());
        message.setFrom(new InternetAddress(smtp.from(), mail.sender().name(), UTF_8));
        if (mail.sender().replyTo() != null) {
            message.setReplyTo(new Address[] {new InternetAddress(mail.sender().replyTo(), true)});
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), UTF_8);
        message.setSentDate(Date.from(mail.createdAt()));
        message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no auto-replies, please
        if (mail.html() == null) {
            message.setText(mail.text(), UTF_8);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), UTF_8, "html");
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(text);
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
        }
        message.saveChanges();
        return message;
    }

    static Properties properties(SmtpSettings smtp) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", smtp.host());
        p.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        p.setProperty("mail.smtp.from", smtp.from()); // the envelope sender, where bounces go
        p.setProperty("mail.smtp.auth", Boolean.toString(smtp.user().isPresent()));
        // STARTTLS required, not merely tried: never fall back to plain text on a server that stops offering it.
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.setProperty("mail.smtp.connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.timeout", Integer.toString(IO_TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.writetimeout", Integer.toString(IO_TIMEOUT_MILLIS));
        return p;
    }

    /** What went wrong, for the outbox and the log: the server's answer, never the password. */
    static String describe(Exception e, SmtpSettings smtp) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        text = text.replaceAll("\\s+", " ").strip();
        String password = smtp.password().orElse("");
        return password.isEmpty() ? text : text.replace(password, "***");
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close(); // after the server accepted the mail, a failed QUIT changes nothing
        } catch (MessagingException e) {
            // the mail's fate was decided before this
        }
    }

    /** Keeps the outbox's Message-ID: Jakarta Mail would make a new one at every save. */
    static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
