package dev.kassa.server.document.infrastructure;

import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profile;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;

/**
 * The Factur-X (ZUGFeRD 2, profile EN 16931) CII XML of an invoice or credit note, written by
 * Mustang from what the document prints. Mustang totals the lines itself, per VAT category and
 * rate, as EN 16931 does.
 */
final class FacturXInvoices {
    static final Profile PROFILE = Profiles.getByName("EN16931");
    /** UN/ECE recommendation 20: "one", the unit of a service billed per piece or period. */
    private static final String UNIT = "C62";

    private FacturXInvoices() {
    }

    static byte[] xml(PrintedDocument document) {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(PROFILE);
        provider.generateXML(invoice(document));
        return provider.getXML();
    }

    static Invoice invoice(PrintedDocument d) {
        if (!d.kind().facturX()) {
            throw new IllegalArgumentException(d.kind() + " has no Factur-X XML");
        }
        boolean outsideScope = d.lines().stream().anyMatch(l -> "O".equals(l.vatCategory()));
        Invoice invoice = new Invoice()
                .setNumber(d.number())
                .setCurrency(d.currency().code())
                .setIssueDate(date(d.issueDate()))
                .setDeliveryDate(date(d.supplyDate() != null ? d.supplyDate() : d.issueDate()))
                .setSender(party(d.seller(), outsideScope).setID(d.seller().vatId() == null || outsideScope
                        ? d.seller().name() : null))
                .setRecipient(party(d.buyer(), outsideScope));
        if (d.dueDate() != null) {
            invoice.setDueDate(date(d.dueDate()));
        }
        if (d.kind() == DocumentKind.CREDIT_NOTE) {
            invoice.setCreditNote();
            if (d.original() != null) {
                invoice.setInvoiceReferencedDocumentID(d.original().number());
                invoice.setInvoiceReferencedIssueDate(date(d.original().issueDate()));
            }
        }
        if (d.payment() != null && d.payment().reference() != null) {
            invoice.setPaymentReference(d.payment().reference());
        }
        for (PrintedDocument.Line line : d.lines()) {
            Product product = new Product(line.description(), "", UNIT, line.vatRate())
                    .setTaxCategoryCode(line.vatCategory());
            if (line.exemptionReason() != null) {
                product.setTaxExemptionReason(line.exemptionReason());
            }
            BigDecimal netUnitPrice = netUnitPrice(line, d.totals().pricesIncludeVat());
            invoice.addItem(new Item(product, netUnitPrice, BigDecimal.valueOf(line.quantity())));
        }
        return invoice;
    }

    /**
     * EN 16931 prices are net: a gross unit price is carried as the line's net amount divided by its
     * quantity (exact for one piece, the usual line of a subscription).
     */
    private static BigDecimal netUnitPrice(PrintedDocument.Line line, boolean pricesIncludeVat) {
        if (!pricesIncludeVat) {
            return decimal(line.unitPrice());
        }
        return decimal(line.net()).divide(BigDecimal.valueOf(line.quantity()), 4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    /**
     * A party; its VAT ID only where EN 16931 lets it be (not beside a supply outside the scope of
     * VAT, rule BR-O-02), in which case the seller is named by its name as its identifier.
     */
    private static TradeParty party(PrintedDocument.Party p, boolean outsideScope) {
        TradeParty party = new TradeParty().setName(p.name()).setCountry(p.country());
        if (!p.address().isEmpty()) {
            party.setStreet(p.address().get(0));
            if (p.address().size() > 1) {
                party.setAdditionalAddress(String.join(", ", p.address().subList(1, p.address().size())));
            }
        }
        if (p.vatId() != null && !outsideScope) {
            party.addVATID(p.vatId());
        }
        if (p.email() != null) {
            party.setEmail(p.email());
        }
        return party;
    }

    static BigDecimal decimal(Money money) {
        return BigDecimal.valueOf(money.minor(), money.currency().minorUnits());
    }

    private static Date date(LocalDate day) {
        // Noon UTC, so the date Mustang writes is that day in any time zone of the JVM within ±11 h.
        return Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }
}
