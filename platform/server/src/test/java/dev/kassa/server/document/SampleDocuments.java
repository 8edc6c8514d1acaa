package dev.kassa.server.document;

import dev.kassa.server.document.application.DocumentBranding;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.document.domain.PrintedDocument.Line;
import dev.kassa.server.document.domain.PrintedDocument.Mention;
import dev.kassa.server.document.domain.PrintedDocument.Party;
import dev.kassa.server.document.domain.PrintedDocument.Totals;
import dev.kassa.server.document.domain.PrintedDocument.VatGroup;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Fixed documents for the rendering tests, the golden files and the benchmark. */
public final class SampleDocuments {
    public static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    public static final DocumentBranding.Brand BRAND = new DocumentBranding.Brand("Nuage Hébergement", "#7c2d12",
            "#0f766e", "#111827", null, "Nuage Hébergement SAS, capital 10 000 €, RCS Lyon 303 265 045,"
            + " 12 rue de la Gare, 69002 Lyon", "factures@nuage.example");

    private SampleDocuments() {
    }

    /**
     * An invoice of a French seller to a French company: two lines at 20 %, open, with the French
     * mentions.
     */
    public static PrintedDocument domesticInvoice(String locale) {
        BigDecimal twenty = new BigDecimal("20.00");
        return new PrintedDocument(DocumentKind.INVOICE, "INV-2026-000042", LocalDate.of(2026, 12, 3),
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 17), EUR, locale,
                new Party("Nuage Hébergement SAS", List.of(), "FR", "FR40303265045", "factures@nuage.example"),
                new Party("Atelier Dupont SARL", List.of("8 place Bellecour", "69002 Lyon"), "FR", "FR83404833048",
                        null),
                List.of(new Line("VPS srv-42 (2026-12-01 to 2026-12-31)", 1, money(2900), money(2900), twenty, "S",
                                null),
                        new Line("Migration of srv-42", 3, money(4900), money(14700), twenty, "S", null)),
                List.of(new VatGroup("S", twenty, money(17600), money(3520), null)),
                new Totals(money(17600), money(3520), money(21120), false),
                List.of(Mention.of("document.mention.latePayment"), Mention.of("document.mention.noDiscount")),
                new PrintedDocument.Payment(false, null, "INV-2026-000042", List.of()), null);
    }

    /** An invoice of a French seller to a German company with a VAT ID: reverse charge. */
    public static PrintedDocument reverseChargeInvoice(String locale) {
        BigDecimal zero = new BigDecimal("0.00");
        String reason = "Reverse charge: VAT to be accounted for by the customer (Article 196, Council Directive"
                + " 2006/112/EC)";
        return new PrintedDocument(DocumentKind.INVOICE, "INV-2026-000043", LocalDate.of(2026, 12, 3),
                LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3), EUR, locale,
                new Party("Nuage Hébergement SAS", List.of(), "FR", "FR40303265045", null),
                new Party("Beispiel GmbH", List.of(), "DE", "DE136695976", null),
                List.of(new Line("Dedicated server dx-7, December 2026", 1, money(12000), money(12000), zero, "AE",
                        reason)),
                List.of(new VatGroup("AE", zero, money(12000), money(0), reason)),
                new Totals(money(12000), money(0), money(12000), false),
                List.of(Mention.of("document.mention.reverseCharge"), Mention.of("document.mention.latePayment"),
                        Mention.of("document.mention.noDiscount")),
                new PrintedDocument.Payment(true, LocalDate.of(2026, 12, 3), null, List.of()), null);
    }

    /** A consumer outside the EU: no VAT, the CGI's mention. */
    public static PrintedDocument outsideEuInvoice(String locale) {
        BigDecimal zero = new BigDecimal("0.00");
        String reason = "VAT not applicable: customer established outside the EU";
        return new PrintedDocument(DocumentKind.INVOICE, "INV-2026-000044", LocalDate.of(2026, 12, 3),
                LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3), EUR, locale,
                new Party("Nuage Hébergement SAS", List.of(), "FR", "FR40303265045", null),
                new Party("Jane Roe", List.of(), "US", null, null),
                List.of(new Line("IPv4 address 203.0.113.7, December 2026", 1, money(300), money(300), zero, "O",
                        reason)),
                List.of(new VatGroup("O", zero, money(300), money(0), reason)),
                new Totals(money(300), money(0), money(300), false),
                List.of(Mention.of("document.mention.outsideEuFrance")),
                new PrintedDocument.Payment(false, null, null, List.of()), null);
    }

    static Money money(long minor) {
        return new Money(minor, EUR);
    }
}
