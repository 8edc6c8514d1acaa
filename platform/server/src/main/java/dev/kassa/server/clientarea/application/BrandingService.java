package dev.kassa.server.clientarea.application;

import dev.kassa.server.shared.TenantSettingsChanged;
import dev.kassa.server.clientarea.domain.BrandingRepository;
import dev.kassa.server.clientarea.domain.BrandingSetting;
import dev.kassa.server.clientarea.domain.Colours;
import dev.kassa.server.clientarea.domain.Contrast;
import dev.kassa.server.clientarea.domain.LogoImage;
import dev.kassa.server.config.Secrets;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.tenant.application.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant's brand: name, logo, colours, support address and legal footer, for every page and
 * e-mail. What pages read is held for about {@value #TTL_SECONDS} seconds per tenant (a change on
 * this node drops it once committed), so a page does not load the logo from the database.
 */
@ApplicationScoped
public class BrandingService {
    static final int TTL_SECONDS = 10;
    /** What {@code logo} is in a branding's JSON when it has one, and what keeps it on an update. */
    public static final String LOGO_PATH = "/branding/logo";

    private BrandingRepository repository;
    private TenantService tenants;
    private Event<TenantSettingsChanged> changed;
    private Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    protected BrandingService() {
    }

    @Inject
    public BrandingService(BrandingRepository repository, TenantService tenants, Event<TenantSettingsChanged> changed,
                           Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.changed = changed;
        this.clock = clock;
    }

    /** A change asked for; every member as the API's request has it. */
    public record Change(String displayName, String logo, Colours colours, String supportEmail, String legalFooter) { }

    private record Cached(Branding branding, Optional<Logo> logo, Instant expires) { }

    /** The tenant's brand, defaults filled in. */
    @Transactional
    public Branding get(String tenantId) {
        return cached(tenantId).branding();
    }

    /**
     * {@code :root{--brand-primary:#…;--brand-accent:…;--brand-background:…;--brand-text:…}}: the
     * colours as CSS custom properties. Each value is {@code #rrggbb}, checked again here, so nothing
     * stored can break out of the style sheet.
     */
    @Transactional
    public String css(String tenantId) {
        Colours c = get(tenantId).colours();
        if (!Colours.isColour(c.primary()) || !Colours.isColour(c.accent()) || !Colours.isColour(c.background())
                || !Colours.isColour(c.text())) {
            c = Colours.DEFAULT;
        }
        return ":root{--brand-primary:" + c.primary() + ";--brand-accent:" + c.accent() + ";--brand-background:"
                + c.background() + ";--brand-text:" + c.text() + "}";
    }

    /** The tenant's logo; empty when it has none. */
    @Transactional
    public Optional<Logo> logo(String tenantId) {
        return cached(tenantId).logo();
    }

    /**
     * Replaces the brand.
     *
     * @param change {@code displayName} null: the tenant's name; {@code logo} a data URL (a new logo),
     *        {@value #LOGO_PATH} (keep the current one) or null (none); {@code colours} null: the defaults
     * @throws KassaException 422 {@code branding.contrast_too_low}, {@code branding.logo_too_large},
     *         {@code branding.logo_unsupported}
     */
    @Transactional
    public Branding update(String tenantId, Change change) {
        tenants.get(tenantId);
        Colours colours = change.colours() == null ? Colours.DEFAULT : change.colours();
        checkContrast(colours);
        BrandingSetting row = repository.find(tenantId).orElse(null);
        LogoImage logo;
        String digest;
        if (change.logo() == null) {
            logo = null;
            digest = null;
        } else if (change.logo().equals(LOGO_PATH)) {
            logo = row == null ? null : row.logo();
            digest = row == null ? null : row.logoDigest();
        } else {
            logo = LogoImage.fromDataUrl(change.logo());
            digest = Secrets.sha256(logo.bytes());
        }
        if (row == null) {
            row = new BrandingSetting(tenantId);
            row.update(change.displayName(), logo, digest, colours, change.supportEmail(), change.legalFooter(),
                    clock.instant());
            repository.add(row);
        } else {
            row.update(change.displayName(), logo, digest, colours, change.supportEmail(), change.legalFooter(),
                    clock.instant());
        }
        changed.fire(new TenantSettingsChanged(tenantId));
        return branding(tenantId, row);
    }

    void clear(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantSettingsChanged event) {
        cache.remove(event.tenantId());
    }

    /**
     * Refuses text on background, or primary on background, under 4.5:1 (WCAG 2.2 AA): the problem
     * says the ratio, e.g. {@code 3.2:1}.
     */
    static void checkContrast(Colours colours) {
        List<FieldError> errors = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        double text = colours.textContrast();
        if (text < Contrast.MINIMUM) {
            parts.add("text " + colours.text() + " on background " + colours.background() + " is "
                    + Contrast.format(text));
            errors.add(new FieldError("colours.text", "contrast_too_low", "has a contrast of " + Contrast.format(text)
                    + " with the background; at least 4.5:1 is needed"));
        }
        double primary = colours.primaryContrast();
        if (primary < Contrast.MINIMUM) {
            parts.add("primary " + colours.primary() + " on background " + colours.background() + " is "
                    + Contrast.format(primary));
            errors.add(new FieldError("colours.primary", "contrast_too_low", "has a contrast of "
                    + Contrast.format(primary) + " with the background; at least 4.5:1 is needed"));
        }
        if (!errors.isEmpty()) {
            throw new KassaException(422, "branding.contrast_too_low", "Contrast too low",
                    "The contrast of " + String.join(", and of ", parts) + "; at least 4.5:1 is needed (WCAG 2.2 AA)"
                            + " so that customers can read the pages.", errors);
        }
    }

    private Cached cached(String tenantId) {
        Instant now = clock.instant();
        Cached hit = cache.get(tenantId);
        if (hit != null && now.isBefore(hit.expires())) {
            return hit;
        }
        BrandingSetting row = repository.find(tenantId).orElse(null);
        LogoImage image = row == null ? null : row.logo();
        Optional<Logo> logo = image == null ? Optional.empty()
                : Optional.of(new Logo(image.bytes(), image.contentType(), "\"" + row.logoDigest() + "\""));
        Cached fresh = new Cached(branding(tenantId, row), logo, now.plus(Duration.ofSeconds(TTL_SECONDS)));
        cache.put(tenantId, fresh);
        return fresh;
    }

    private Branding branding(String tenantId, BrandingSetting row) {
        if (row == null) {
            return new Branding(tenants.get(tenantId).name(), Colours.DEFAULT, null, null, false);
        }
        String name = row.displayName() == null ? tenants.get(tenantId).name() : row.displayName();
        return new Branding(name, row.colours(), row.supportEmail(), row.legalFooter(), row.logoDigest() != null);
    }
}
