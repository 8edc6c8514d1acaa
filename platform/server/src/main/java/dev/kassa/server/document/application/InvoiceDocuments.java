package dev.kassa.server.document.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceLine;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.billing.application.InvoiceService;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.tenant.application.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

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
        List<PrintedTax.Taxed> taxed = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            taxed.add(new PrintedTax.Taxed(line.description(), line.quantity(), line.unitPrice(), line.net(), line.vat(),
                    line.taxDecision()));
        }
        PrintedTax.Printed printed = PrintedTax.of(taxed, parties.sellerCountry(), true);
        boolean paid = invoice.status() == InvoiceStatus.PAID;
        PrintedDocument.Payment payment = new PrintedDocument.Payment(paid, day(invoice.paidAt()),
                paid ? null : invoice.paymentReference(), List.of());
        return new PrintedDocument(DocumentKind.INVOICE, invoice.number(), day(invoice.finalizedAt()),
                invoice.supplyDate(), day(invoice.dueAt()), invoice.currency(), locale,
                new PrintedDocument.Party(sellerName, List.of(), parties.sellerCountry(), parties.sellerVatId(), null),
                new PrintedDocument.Party(parties.buyerName(), buyerAddress, parties.buyerCountry(),
                        parties.buyerVatId(), null),
                printed.lines(), printed.vatBreakdown(),
                new PrintedDocument.Totals(invoice.net(), invoice.vat(), invoice.gross(), invoice.pricesIncludeVat()),
                mentions(invoice, printed), payment, null);
    }

    /** A top-up's invoice says it is one for a prepayment, and how its VAT is taken back later. */
    private static List<PrintedDocument.Mention> mentions(Invoice invoice, PrintedTax.Printed printed) {
        if (!invoice.isPrepayment()) {
            return printed.mentions();
        }
        List<PrintedDocument.Mention> out = new ArrayList<>(printed.mentions());
        out.add(0, PrintedDocument.Mention.of("document.mention.prepayment"));
        return out;
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
