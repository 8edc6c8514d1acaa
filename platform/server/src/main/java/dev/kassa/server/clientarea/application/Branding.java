package dev.kassa.server.clientarea.application;

import dev.kassa.server.clientarea.domain.Colours;

/**
 * A tenant's brand as pages and e-mails show it, defaults filled in: {@code displayName} is the
 * tenant's name unless set; {@code supportEmail} and {@code legalFooter} are null when not set;
 * the logo itself comes from {@link BrandingService#logo}.
 */
public record Branding(String displayName, Colours colours, String supportEmail, String legalFooter,
                       boolean hasLogo) { }
