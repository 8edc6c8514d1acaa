package dev.kassa.server.clientarea.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** STUB until h-brand lands. */
@ApplicationScoped
public class BrandingService {
    public record Colours(String primary, String accent, String background, String text) { }

    public record Branding(String displayName, Colours colours, String supportEmail, String legalFooter,
                           boolean hasLogo) { }

    public record Logo(byte[] bytes, String contentType, String etag) { }

    public Branding get(String tenantId) {
        return null;
    }

    public String css(String tenantId) {
        return "";
    }

    public Optional<Logo> logo(String tenantId) {
        return Optional.empty();
    }
}
