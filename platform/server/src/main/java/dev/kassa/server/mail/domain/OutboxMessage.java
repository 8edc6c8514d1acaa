package dev.kassa.server.mail.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One mail in the outbox: written in the transaction of the event it tells about, then sent by the
 * mail worker. PENDING until the SMTP server accepts it (SENT) or Kassa gives up (FAILED). A node
 * claims it before each try ({@link #claim}); only the node holding the claim records the outcome.
 * A mail that reached a final status keeps its headers for the operator and loses its bodies,
 * which may hold links that sign a customer in.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMessage {
    /** Compiled once: every mail of a billing run passes here. */
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    static final int MAX_ERROR = 1000;

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    private String kind;
    private String recipient;
    @Column(name = "from_name")
    private String fromName;
    @Column(name = "reply_to")
    private String replyTo;
    private String subject;
    @Column(name = "text_body")
    private String textBody;
    @Column(name = "html_body")
    private String htmlBody;
    @Column(name = "message_id")
    private String messageId;
    @Enumerated(EnumType.STRING)
    private OutboxStatus status;
    private int tries;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    private String claim;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    /** The customer's language (a BCP 47 tag) of a mail still to be written; null once written. */
    private String locale;
    /** The model (JSON) of a mail still to be written when it is first sent; null once written. */
    private String model;

    protected OutboxMessage() {
    }

    private OutboxMessage(String id, String tenantId, String accountId, String kind, String recipient, Sender sender,
                          Instant now) {
        if (recipient == null || recipient.isBlank() || recipient.length() > 320
                || recipient.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("not a recipient address: " + recipient);
        }
        if (kind == null || !KIND.matcher(kind).matches() || kind.length() > 60) {
            throw new IllegalArgumentException("a kind is dotted lower-case words, such as topup.paid: " + kind);
        }
        this.id = id;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.kind = kind;
        this.recipient = recipient.strip();
        this.fromName = sender.name();
        this.replyTo = sender.replyTo();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A mail to send as soon as a worker gets to it. */
    public static OutboxMessage pending(String id, String tenantId, String accountId, String kind, String recipient,
                                        Sender sender, MailContent content, Instant now) {
        OutboxMessage m = new OutboxMessage(id, tenantId, accountId, kind, recipient, sender, now);
        m.subject = content.subject();
        m.textBody = content.text();
        m.htmlBody = content.html();
        m.status = OutboxStatus.PENDING;
        m.nextAttemptAt = now;
        return m;
    }

    /**
     * A mail to be written when it is first sent ({@link #needsWriting}): its kind names the
     * template, {@code model} (JSON) holds what the event said. Writing it takes the themes' time
     * out of the transaction of the event (a billing run's renewals); the subject stays empty until
     * it is written.
     */
    public static OutboxMessage toWrite(String id, String tenantId, String accountId, String kind, String recipient,
                                        Sender sender, String locale, String model, Instant now) {
        if (model == null || locale == null) {
            throw new IllegalArgumentException("a mail to write later needs its model and language");
        }
        OutboxMessage m = new OutboxMessage(id, tenantId, accountId, kind, recipient, sender, now);
        m.subject = "";
        m.locale = locale;
        m.model = model;
        m.status = OutboxStatus.PENDING;
        m.nextAttemptAt = now;
        return m;
    }

    /** Whether the mail is still to be written ({@link #toWrite}) before it is sent. */
    public boolean needsWriting() {
        return model != null;
    }

    /** Written at last, before its first try: from now on it is sent as any other. */
    public void written(MailContent content, Instant now) {
        requirePending();
        subject = content.subject();
        textBody = content.text();
        htmlBody = content.html();
        locale = null;
        model = null;
        updatedAt = now;
    }

    /** Its template failed when it was to be written: FAILED with the reason, as {@link #unrendered} is. */
    public void notWritten(String reason, Instant now) {
        requirePending();
        status = OutboxStatus.FAILED;
        lastError = truncate("not rendered: " + reason);
        locale = null;
        model = null;
        finish(now);
    }

    /**
     * A mail that could not even be written (its template failed): kept FAILED with the reason, so
     * the operator sees it in the outbox instead of the event that caused it being undone.
     */
    public static OutboxMessage unrendered(String id, String tenantId, String accountId, String kind, String recipient,
                                           Sender sender, String reason, Instant now) {
        OutboxMessage m = new OutboxMessage(id, tenantId, accountId, kind, recipient, sender, now);
        m.subject = "";
        m.status = OutboxStatus.FAILED;
        m.lastError = truncate("not rendered: " + reason);
        return m;
    }

    /**
     * This node takes the mail for one try: other nodes leave it alone until {@code leaseEnd}.
     * Counts the try now, so a mail whose sending kills the process still reaches its last try.
     *
     * @param messageIdDomain the right-hand side of the Message-ID, fixed at the first try
     */
    public ClaimedMail claim(String claimToken, Instant leaseEnd, String messageIdDomain, Instant now) {
        if (status != OutboxStatus.PENDING) {
            throw new IllegalStateException("only a PENDING mail is claimed; " + id + " is " + status);
        }
        if (messageId == null) {
            messageId = "<" + id + "@" + messageIdDomain + ">";
        }
        claim = claimToken;
        nextAttemptAt = leaseEnd;
        tries++;
        lastAttemptAt = now;
        updatedAt = now;
        return new ClaimedMail(id, tenantId, claim, tries, messageId, recipient, new Sender(fromName, replyTo),
                subject, textBody, htmlBody, createdAt);
    }

    /** Whether the node that showed {@code claimToken} still holds this mail (its lease was not taken over). */
    public boolean heldBy(String claimToken) {
        return status == OutboxStatus.PENDING && claimToken != null && claimToken.equals(claim);
    }

    /** The SMTP server accepted the mail. */
    public void sent(Instant now) {
        requirePending();
        status = OutboxStatus.SENT;
        sentAt = now;
        lastError = null;
        finish(now);
    }

    /** The try failed: try again at {@code next}, or, when empty, give up. */
    public void failedTry(String error, Optional<Instant> next, Instant now) {
        requirePending();
        lastError = truncate(error);
        if (next.isPresent()) {
            nextAttemptAt = next.get();
            claim = null;
            updatedAt = now;
        } else {
            status = OutboxStatus.FAILED;
            finish(now);
        }
    }

    private void finish(Instant now) {
        nextAttemptAt = null;
        claim = null;
        textBody = null;
        htmlBody = null;
        updatedAt = now;
    }

    private void requirePending() {
        if (status != OutboxStatus.PENDING) {
            throw new IllegalStateException(id + " is already " + status);
        }
    }

    private static String truncate(String text) {
        String t = text == null ? "unknown error" : text.strip();
        return t.length() <= MAX_ERROR ? t : t.substring(0, MAX_ERROR - 1) + "…";
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String accountId() {
        return accountId;
    }

    public String kind() {
        return kind;
    }

    public String recipient() {
        return recipient;
    }

    public String fromName() {
        return fromName;
    }

    public String replyTo() {
        return replyTo;
    }

    public String subject() {
        return subject;
    }

    public String messageId() {
        return messageId;
    }

    public OutboxStatus status() {
        return status;
    }

    public int tries() {
        return tries;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    /** The language of a mail still to be written, else null. */
    public String locale() {
        return locale;
    }

    /** The model (JSON) of a mail still to be written, else null. */
    public String model() {
        return model;
    }
}
