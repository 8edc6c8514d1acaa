package dev.kassa.server.clientarea.application;

import dev.kassa.server.clientarea.domain.Colours;
import dev.kassa.server.clientarea.domain.Contrast;
import dev.kassa.server.clientarea.domain.LogoImage;
import dev.kassa.server.document.application.DocumentBranding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;

/**
 * The tenant's brand on its printed documents: its name, its PNG logo (an SVG logo is left out:
 * the PDF shows the name instead), and its colours where they read on white paper (a colour chosen
 * for a dark client area falls back to the default one).
 */
@ApplicationScoped
public class DocumentBrands implements DocumentBranding {
    private static final String PAPER = "#ffffff";

    private BrandingService branding;

    protected DocumentBrands() {
    }

    @Inject
    public DocumentBrands(BrandingService branding) {
        this.branding = branding;
    }

    @Override
    public Brand of(String tenantId) {
        Branding b = branding.get(tenantId);
        String logo = branding.logo(tenantId).filter(l -> LogoImage.PNG.equals(l.contentType()))
                .map(l -> "data:image/png;base64," + Base64.getEncoder().encodeToString(l.bytes())).orElse(null);
        Colours c = b.colours();
        return new Brand(b.displayName(), onPaper(c.primary(), Colours.DEFAULT.primary()),
                onPaper(c.accent(), Colours.DEFAULT.accent()), onPaper(c.text(), Colours.DEFAULT.text()), logo,
                b.legalFooter(), b.supportEmail());
    }

    private static String onPaper(String colour, String fallback) {
        return Colours.isColour(colour) && Contrast.ratio(colour, PAPER) >= Contrast.MINIMUM ? colour : fallback;
    }
}
