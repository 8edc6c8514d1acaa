package dev.kassa.server.document.application;

import dev.kassa.server.billing.domain.TaxDecision;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.document.domain.PrintedDocument.Mention;
import dev.kassa.server.shared.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Taxed lines as an invoice or a credit note prints them: each line, one VAT group per category and
 * rate, and the mentions their rules call for (reverse charge, outside the EU, and for a French
 * seller's payable documents the late-payment terms of the Code de commerce).
 */
final class PrintedTax {
    private PrintedTax() {
    }

    /** One line with its amounts and the tax decision it was billed with. */
    record Taxed(String description, long quantity, Money unitPrice, Money net, Money vat, TaxDecision tax) { }

    record Printed(List<PrintedDocument.Line> lines, List<PrintedDocument.VatGroup> vatBreakdown,
                   List<Mention> mentions) { }

    /** @param payable whether the document asks for payment (an invoice), so payment terms are printed */
    static Printed of(List<Taxed> taxed, String sellerCountry, boolean payable) {
        List<PrintedDocument.Line> lines = new ArrayList<>();
        Map<List<Object>, PrintedDocument.VatGroup> groups = new LinkedHashMap<>();
        boolean reverseCharge = false;
        boolean outsideEu = false;
        for (Taxed line : taxed) {
            TaxDecision tax = line.tax();
            lines.add(new PrintedDocument.Line(line.description(), line.quantity(), line.unitPrice(), line.net(),
                    tax.rate(), tax.category(), tax.exemptionReason()));
            groups.merge(List.of(tax.category(), tax.rate().stripTrailingZeros()),
                    new PrintedDocument.VatGroup(tax.category(), tax.rate(), line.net(), line.vat(),
                            tax.exemptionReason()),
                    (a, b) -> new PrintedDocument.VatGroup(a.vatCategory(), a.rate(), a.taxable().plus(b.taxable()),
                            a.vat().plus(b.vat()), a.exemptionReason()));
            reverseCharge |= "AE".equals(tax.category());
            outsideEu |= "O".equals(tax.category());
        }
        boolean frenchSeller = "FR".equals(sellerCountry);
        List<Mention> mentions = new ArrayList<>();
        if (reverseCharge) {
            mentions.add(Mention.of("document.mention.reverseCharge"));
        }
        if (outsideEu) {
            mentions.add(Mention.of(frenchSeller ? "document.mention.outsideEuFrance" : "document.mention.outsideEu"));
        }
        if (frenchSeller && payable) {
            // Code de commerce L441-9 and L441-10: the late-payment terms and the fixed indemnity, and
            // the early-payment discount (none), are printed on every invoice of a French seller.
            mentions.add(Mention.of("document.mention.latePayment"));
            mentions.add(Mention.of("document.mention.noDiscount"));
        }
        return new Printed(lines, new ArrayList<>(groups.values()), mentions);
    }
}
