package dev.kassa.server.payment.domain;

import dev.kassa.server.shared.Iso;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's settings for one payment method: on or off, for which countries, and its credentials
 * (encrypted; see {@code CredentialVault}).
 */
@Entity
@Table(name = "payment_method_configs")
@IdClass(PaymentMethodConfig.Key.class)
public class PaymentMethodConfig {

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Id
    private String code;
    private boolean enabled;
    private String countries;
    /** Plain JSON settings of the first release (bank details); read once, replaced by {@link #credentials}. */
    private String settings;
    private String credentials;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PaymentMethodConfig() {
    }

    public PaymentMethodConfig(String tenantId, String code, boolean enabled, List<String> countries,
                               String encryptedCredentials, Instant now) {
        this.tenantId = tenantId;
        this.code = code;
        update(enabled, countries, encryptedCredentials, now);
    }

    public void update(boolean enabled, List<String> countries, String encryptedCredentials, Instant now) {
        this.enabled = enabled;
        this.countries = String.join(",", countries);
        this.credentials = encryptedCredentials;
        this.settings = null;
        this.updatedAt = now;
    }

    public String tenantId() {
        return tenantId;
    }

    public String code() {
        return code;
    }

    public boolean enabled() {
        return enabled;
    }

    public List<String> countries() {
        return countries.isEmpty() ? List.of() : Arrays.asList(countries.split(","));
    }

    /** Whether the tenant offers this method to customers paying from {@code country}. */
    public boolean servesCountry(String country) {
        List<String> list = countries();
        return enabled && (list.contains(Iso.ALL_COUNTRIES) || list.contains(country));
    }

    /** The encrypted credentials, or null when none are set. */
    public String encryptedCredentials() {
        return credentials;
    }

    /** Unencrypted JSON settings stored before credentials were encrypted, or null. */
    public String legacySettings() {
        return settings;
    }

    public static class Key implements Serializable {
        private String tenantId;
        private String code;

        public Key() {
        }

        public Key(String tenantId, String code) {
            this.tenantId = tenantId;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, code);
        }
    }
}
