package dev.kassa.server.document.application;

/**
 * The tenant's brand as a document shows it; the client area, which owns the brand, implements it.
 */
public interface DocumentBranding {

    /**
     * @param displayName the name shown in the header
     * @param primary {@code #rrggbb}, the headings and rules
     * @param accent {@code #rrggbb}
     * @param text {@code #rrggbb}, the body text
     * @param logo a {@code data:} URL of a PNG or JPEG logo, or null (none, or a kind a PDF cannot show)
     * @param legalFooter the tenant's legal footer (registration, capital, address), or null
     * @param supportEmail or null
     */
    record Brand(String displayName, String primary, String accent, String text, String logo, String legalFooter,
                 String supportEmail) { }

    Brand of(String tenantId);
}
