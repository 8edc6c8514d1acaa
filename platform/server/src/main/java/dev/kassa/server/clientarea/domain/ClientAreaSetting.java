package dev.kassa.server.clientarea.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A tenant's client-area settings beside its host names: the theme shown when no rule of the
 * theme choice applies, and whether customers may sign up on their own (not yet: always false).
 * A tenant without a row has neither.
 */
@Entity
@Table(name = "client_area_settings")
public class ClientAreaSetting {
    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "default_theme")
    private String defaultTheme;
    @Column(name = "sign_up")
    private boolean signUp;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ClientAreaSetting() {
    }

    public ClientAreaSetting(String tenantId, String defaultTheme, Instant now) {
        this.tenantId = tenantId;
        update(defaultTheme, now);
    }

    public void update(String defaultTheme, Instant now) {
        this.defaultTheme = defaultTheme;
        this.signUp = false;
        this.updatedAt = now;
    }

    public String tenantId() {
        return tenantId;
    }

    /** An installed theme's id when set; it may have been uninstalled since. */
    public String defaultTheme() {
        return defaultTheme;
    }

    public boolean signUp() {
        return signUp;
    }
}
