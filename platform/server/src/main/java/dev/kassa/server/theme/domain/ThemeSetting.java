package dev.kassa.server.theme.domain;

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
 * A tenant's setting of one theme: on or off, and for which countries of its customers' accounts
 * ({@code "*"}: all). A theme without a row is off, except the base theme, which is on for all
 * countries until the tenant sets it (see {@link ThemeRule}).
 */
@Entity
@Table(name = "theme_settings")
@IdClass(ThemeSetting.Key.class)
public class ThemeSetting {

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Id
    @Column(name = "theme_id")
    private String themeId;
    private boolean enabled;
    private String countries;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ThemeSetting() {
    }

    public ThemeSetting(String tenantId, String themeId, boolean enabled, List<String> countries, Instant now) {
        this.tenantId = tenantId;
        this.themeId = themeId;
        update(enabled, countries, now);
    }

    public void update(boolean enabled, List<String> countries, Instant now) {
        this.enabled = enabled;
        this.countries = String.join(",", countries);
        this.updatedAt = now;
    }

    public String tenantId() {
        return tenantId;
    }

    public String themeId() {
        return themeId;
    }

    public boolean enabled() {
        return enabled;
    }

    public List<String> countries() {
        return countries.isEmpty() ? List.of() : Arrays.asList(countries.split(","));
    }

    public static class Key implements Serializable {
        private String tenantId;
        private String themeId;

        public Key() {
        }

        public Key(String tenantId, String themeId) {
            this.tenantId = tenantId;
            this.themeId = themeId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(themeId, k.themeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, themeId);
        }
    }
}
