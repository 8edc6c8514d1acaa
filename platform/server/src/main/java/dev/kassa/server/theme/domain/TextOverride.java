package dev.kassa.server.theme.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's own text for one key in one locale, shown instead of the theme's. It is kept apart
 * from the themes, so it outlives an upgrade of the theme that defines the key.
 */
@Entity
@Table(name = "text_overrides")
@IdClass(TextOverride.Key.class)
public class TextOverride {
    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Id
    private String locale;
    @Id
    @Column(name = "message_key")
    private String messageKey;
    @Column(name = "message_text")
    private String text;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TextOverride() {
    }

    public TextOverride(String tenantId, String locale, String key, String text, Instant now) {
        this.tenantId = tenantId;
        this.locale = locale;
        this.messageKey = key;
        change(text, now);
    }

    public void change(String text, Instant now) {
        this.text = Objects.requireNonNull(text, "text");
        this.updatedAt = now;
    }

    public String tenantId() {
        return tenantId;
    }

    public String locale() {
        return locale;
    }

    public String key() {
        return messageKey;
    }

    public String text() {
        return text;
    }

    public static class Key implements Serializable {
        private String tenantId;
        private String locale;
        private String messageKey;

        public Key() {
        }

        public Key(String tenantId, String locale, String messageKey) {
            this.tenantId = tenantId;
            this.locale = locale;
            this.messageKey = messageKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(locale, k.locale)
                    && Objects.equals(messageKey, k.messageKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, locale, messageKey);
        }
    }
}
