package dev.kassa.server.clientarea.api;

import dev.kassa.server.clientarea.application.BrandingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The tenant's brand for its pages: {@code /branding.css} (the colours as CSS custom properties the
 * theme's stylesheet uses) and {@code /branding/logo}. The logo, an upload, goes out with a policy
 * under which not even a sanitised SVG could run anything.
 */
@ApplicationScoped
public class BrandingAssets implements ClientAreaPage {
    private static final String CACHE = "private, max-age=60";

    private BrandingService branding;

    protected BrandingAssets() {
    }

    @Inject
    public BrandingAssets(BrandingService branding) {
        this.branding = branding;
    }

    @Override
    public Set<String> paths() {
        return Set.of("/branding.css", "/branding/logo");
    }

    @Override
    public boolean forCustomers() {
        return false;
    }

    @Override
    public Reply get(Visit visit) {
        if (visit.path().equals("/branding.css")) {
            return Reply.bytes("text/css; charset=UTF-8", branding.css(visit.tenantId()).getBytes(StandardCharsets.UTF_8),
                    Map.of("Cache-Control", CACHE));
        }
        return branding.logo(visit.tenantId())
                .map(logo -> Reply.bytes(logo.contentType(), logo.bytes(), Map.of("Cache-Control", CACHE,
                        "ETag", logo.etag(), "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")))
                .orElseGet(() -> Reply.page(404, "not-found", Map.of()));
    }
}
