package dev.kassa.server.document.application;

import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.shared.Money;
import dev.kassa.server.theme.application.ChosenTheme;
import dev.kassa.server.theme.application.ThemeRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prints a {@link PrintedDocument}: the theme writes it as XHTML ({@code templates/document/document.html}
 * and the style sheet {@code static/document.css} of the theme's chain, so a child theme restyles
 * it by shipping either), in the theme's language, with the tenant's brand; the {@link PdfWriter}
 * makes the PDF/A-3 of it.
 */
@ApplicationScoped
public class DocumentRendering {
    static final String TEMPLATE = "document/document";
    static final String STYLE_SHEET = "document.css";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final DocumentBranding.Brand DEFAULT_COLOURS = new DocumentBranding.Brand(null, "#1d4ed8",
            "#0f766e", "#1f2937", null, null, null);

    private ThemeRenderer renderer;
    private PdfWriter writer;

    protected DocumentRendering() {
    }

    @Inject
    public DocumentRendering(ThemeRenderer renderer, PdfWriter writer) {
        this.renderer = renderer;
        this.writer = writer;
    }

    /** One line as the template shows it: the rate already written for the locale. */
    public record LineView(String description, long quantity, Money unitPrice, Money net, String rate,
                           String category) { }

    /** One entry of the VAT breakdown. */
    public record VatView(String category, String rate, Money taxable, Money vat) { }

    /** A mention's message key and up to three arguments. */
    public record MentionView(String key, String a0, String a1, String a2) { }

    /** The PDF of {@code document} in {@code theme}'s language and style, with {@code brand}'s name, logo and colours. */
    public PdfWriter.Pdf render(ChosenTheme theme, PrintedDocument document, DocumentBranding.Brand brand) {
        return writer.write(xhtml(theme, document, brand), document);
    }

    /** The XHTML the theme writes for the document. */
    public String xhtml(ChosenTheme theme, PrintedDocument document, DocumentBranding.Brand brand) {
        Locale locale = theme.javaLocale();
        Map<String, Object> model = new HashMap<>();
        model.put("doc", document);
        model.put("brand", checked(brand, document));
        model.put("css", renderer.asset(theme.themeId(), STYLE_SHEET)
                .map(b -> new String(b, StandardCharsets.UTF_8)).orElse(""));
        model.put("titleKey", "document.title." + camel(document.kind()));
        // Receipts and pro-formas are no tax documents: they show no VAT column and no VAT totals.
        model.put("taxed", document.kind().facturX());
        model.put("sellerCountry", countryName(document.seller().country(), locale));
        model.put("buyerCountry", countryName(document.buyer().country(), locale));
        List<LineView> lines = new ArrayList<>();
        for (PrintedDocument.Line l : document.lines()) {
            lines.add(new LineView(l.description(), l.quantity(), l.unitPrice(), l.net(), rate(l.vatRate(), locale),
                    l.vatCategory()));
        }
        model.put("lines", lines);
        List<VatView> vat = new ArrayList<>();
        for (PrintedDocument.VatGroup g : document.vatBreakdown()) {
            vat.add(new VatView(g.vatCategory(), rate(g.rate(), locale), g.taxable(), g.vat()));
        }
        model.put("vat", vat);
        List<MentionView> mentions = new ArrayList<>();
        for (PrintedDocument.Mention m : document.mentions()) {
            List<String> a = m.arguments();
            mentions.add(new MentionView(m.key(), a.size() > 0 ? a.get(0) : "", a.size() > 1 ? a.get(1) : "",
                    a.size() > 2 ? a.get(2) : ""));
        }
        model.put("mentions", mentions);
        return renderer.render(theme, TEMPLATE, model);
    }

    static String camel(DocumentKind kind) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kind.name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code 20}, {@code 5.5} or {@code 5,5}: the rate without trailing zeros, in the locale's digits. */
    static String rate(BigDecimal rate, Locale locale) {
        if (rate == null) {
            return "";
        }
        BigDecimal plain = rate.stripTrailingZeros();
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(Math.max(plain.scale(), 0));
        format.setMaximumFractionDigits(Math.max(plain.scale(), 0));
        return format.format(plain);
    }

    private static String countryName(String country, Locale locale) {
        return country == null ? "" : new Locale("", country).getDisplayCountry(locale);
    }

    /** Only {@code #rrggbb} reaches the style sheet; the name defaults to the seller's. */
    private static DocumentBranding.Brand checked(DocumentBranding.Brand brand, PrintedDocument document) {
        DocumentBranding.Brand b = brand == null ? DEFAULT_COLOURS : brand;
        return new DocumentBranding.Brand(b.displayName() == null ? document.seller().name() : b.displayName(),
                colour(b.primary(), DEFAULT_COLOURS.primary()), colour(b.accent(), DEFAULT_COLOURS.accent()),
                colour(b.text(), DEFAULT_COLOURS.text()), b.logo(), b.legalFooter(), b.supportEmail());
    }

    private static String colour(String value, String fallback) {
        return value != null && COLOUR.matcher(value).matches() ? value : fallback;
    }
}
