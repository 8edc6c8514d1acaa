package dev.kassa.server.clientarea.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a tenant set of its brand; a tenant without a row uses the defaults (its name, {@link Colours#DEFAULT}). */
@Entity
@Table(name = "brandings")
public class BrandingSetting {
    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "display_name")
    private String displayName;
    private byte[] logo;
    @Column(name = "logo_type")
    private String logoType;
    @Column(name = "logo_digest")
    private String logoDigest;
    @Column(name = "colour_primary")
    private String primary;
    @Column(name = "colour_accent")
    private String accent;
    @Column(name = "colour_background")
    private String background;
    @Column(name = "colour_text")
    private String text;
    @Column(name = "support_email")
    private String supportEmail;
    @Column(name = "legal_footer")
    private String legalFooter;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected BrandingSetting() {
    }

    public BrandingSetting(String tenantId) {
        this.tenantId = tenantId;
    }

    /**
     * Sets everything at once.
     *
     * @param displayName null: the tenant's name
     * @param logo null: none
     * @param logoDigest the logo's SHA-256 in hex, null without a logo
     */
    public void update(String displayName, LogoImage logo, String logoDigest, Colours colours, String supportEmail,
                       String legalFooter, Instant now) {
        this.displayName = displayName;
        this.logo = logo == null ? null : logo.bytes();
        this.logoType = logo == null ? null : logo.contentType();
        this.logoDigest = logo == null ? null : logoDigest;
        this.primary = colours.primary();
        this.accent = colours.accent();
        this.background = colours.background();
        this.text = colours.text();
        this.supportEmail = supportEmail;
        this.legalFooter = legalFooter;
        this.updatedAt = now;
    }

    public String tenantId() {
        return tenantId;
    }

    public String displayName() {
        return displayName;
    }

    /** The stored logo; null when none. */
    public LogoImage logo() {
        return logo == null ? null : new LogoImage(logo, logoType);
    }

    public String logoDigest() {
        return logoDigest;
    }

    /** The colours as stored; the defaults should a stored value ever not be {@code #rrggbb}. */
    public Colours colours() {
        if (Colours.isColour(primary) && Colours.isColour(accent) && Colours.isColour(background)
                && Colours.isColour(text)) {
            return new Colours(primary, accent, background, text);
        }
        return Colours.DEFAULT;
    }

    public String supportEmail() {
        return supportEmail;
    }

    public String legalFooter() {
        return legalFooter;
    }
}
