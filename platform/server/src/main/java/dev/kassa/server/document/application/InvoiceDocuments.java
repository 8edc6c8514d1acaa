package dev.kassa.server.document.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceLine;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.billing.domain.TaxDecision;
import dev.kassa.server.billing.application.InvoiceService;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.document.domain.PrintedDocument.Mention;
import dev.kassa.server.tenant.application.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An invoice as it is printed: the billing invoice as finalised (number, dates, parties, lines and
 * their tax decisions, totals), the tenant's name as the seller, the payer's billing address, and
 * the mentions its tax rules and its seller's country call for.
 */
@ApplicationScoped
public class InvoiceDocuments implements DocumentMapper {
    private InvoiceService invoices;
    private AccountRepository accounts;
    private TenantService tenants;

    protected InvoiceDocuments() {
    }

    @Inject
    public InvoiceDocuments(InvoiceService invoices, AccountRepository accounts, TenantService tenants) {
        this.invoices = invoices;
        this.accounts = accounts;
        this.tenants = tenants;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.INVOICE;
    }

    /** @throws IllegalStateException for a draft, which is never printed */
    @Override
    @Transactional
    public PrintedDocument map(String tenantId, String invoiceId, String locale) {
        Invoice invoice = invoices.get(tenantId, invoiceId);
        if (invoice.status() == InvoiceStatus.DRAFT) {
            throw new IllegalStateException("invoice " + invoiceId + " is a draft");
        }
        String address = accounts.findPayer(tenantId, invoice.accountId(), invoice.payerId()).map(Payer::address)
                .orElse(null);
        return print(invoice, tenants.get(tenantId).name(), PostalAddress.lines(address), locale);
    }

    /** The printed invoice; {@code buyerAddress} the payer's billing address, in lines. */
    static PrintedDocument print(Invoice invoice, String sellerName, List<String> buyerAddress, String locale) {
        Invoice.Parties parties = invoice.parties();
        List<PrintedDocument.Line> lines = new ArrayList<>();
        Map<List<Object>, PrintedDocument.VatGroup> groups = new LinkedHashMap<>();
        boolean reverseCharge = false;
        boolean outsideEu = false;
        for (InvoiceLine line : invoice.lines()) {
            TaxDecision tax = line.taxDecision();
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
        boolean frenchSeller = "FR".equals(parties.sellerCountry());
        List<Mention> mentions = new ArrayList<>();
        if (reverseCharge) {
            mentions.add(Mention.of("document.mention.reverseCharge"));
        }
        if (outsideEu) {
            mentions.add(Mention.of(frenchSeller ? "document.mention.outsideEuFrance" : "document.mention.outsideEu"));
        }
        if (frenchSeller) {
            // Code de commerce L441-9 and L441-10: the late-payment terms and the fixed indemnity, and
            // the early-payment discount (none), are printed on every invoice of a French seller.
            mentions.add(Mention.of("document.mention.latePayment"));
            mentions.add(Mention.of("document.mention.noDiscount"));
        }
        boolean paid = invoice.status() == InvoiceStatus.PAID;
        PrintedDocument.Payment payment = new PrintedDocument.Payment(paid, day(invoice.paidAt()),
                paid ? null : invoice.number(), List.of());
        return new PrintedDocument(DocumentKind.INVOICE, invoice.number(), day(invoice.finalizedAt()),
                invoice.supplyDate(), day(invoice.dueAt()), invoice.currency(), locale,
                new PrintedDocument.Party(sellerName, List.of(), parties.sellerCountry(), parties.sellerVatId(), null),
                new PrintedDocument.Party(parties.buyerName(), buyerAddress, parties.buyerCountry(),
                        parties.buyerVatId(), null),
                lines, new ArrayList<>(groups.values()),
                new PrintedDocument.Totals(invoice.net(), invoice.vat(), invoice.gross(), invoice.pricesIncludeVat()),
                mentions, payment, null);
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
