package dev.kassa.server.document.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.billing.application.CreditNotes;
import dev.kassa.server.billing.application.InvoiceService;
import dev.kassa.server.billing.domain.CreditNote;
import dev.kassa.server.billing.domain.CreditNoteLine;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.LineAmounts;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.document.domain.PrintedDocument.Mention;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.application.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A credit note as it is printed: it cites the invoice it corrects (number and date), repeats the
 * lines it takes back with their tax decisions, says why, and says what became of the amount (the
 * invoice cancelled, or the balance credited). Nothing is to pay, so it carries no payment terms.
 */
@ApplicationScoped
public class CreditNoteDocuments implements DocumentMapper {
    private CreditNotes creditNotes;
    private InvoiceService invoices;
    private AccountRepository accounts;
    private TenantService tenants;

    protected CreditNoteDocuments() {
    }

    @Inject
    public CreditNoteDocuments(CreditNotes creditNotes, InvoiceService invoices, AccountRepository accounts,
                               TenantService tenants) {
        this.creditNotes = creditNotes;
        this.invoices = invoices;
        this.accounts = accounts;
        this.tenants = tenants;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.CREDIT_NOTE;
    }

    @Override
    @Transactional
    public PrintedDocument map(String tenantId, String creditNoteId, String locale) {
        CreditNote note = creditNotes.get(tenantId, creditNoteId);
        Invoice invoice = invoices.get(tenantId, note.invoiceId());
        String address = accounts.findPayer(tenantId, note.accountId(), note.payerId()).map(Payer::address)
                .orElse(null);
        return print(note, invoice, tenants.get(tenantId).name(), PostalAddress.lines(address), locale);
    }

    private static Mention settlement(CreditNote note) {
        switch (note.settlement()) {
            case BALANCE_CREDITED:
                return Mention.of("document.mention.creditedToBalance");
            case PREPAYMENT_APPLIED:
                return Mention.of("document.mention.prepaymentApplied", note.invoiceNumber());
            case PREPAYMENT_REFUNDED:
                return Mention.of("document.mention.prepaymentRefunded", note.invoiceNumber());
            default:
                return Mention.of("document.mention.invoiceCancelled", note.invoiceNumber());
        }
    }

    static PrintedDocument print(CreditNote note, Invoice invoice, String sellerName, List<String> buyerAddress,
                                 String locale) {
        CurrencyUnit currency = note.currency();
        List<PrintedTax.Taxed> taxed = new ArrayList<>();
        for (CreditNoteLine line : note.lines()) {
            LineAmounts a = line.amounts();
            taxed.add(new PrintedTax.Taxed(line.description(), line.quantity(), new Money(line.unitPriceMinor(), currency),
                    new Money(a.net(), currency), new Money(a.vat(), currency), line.taxDecision()));
        }
        PrintedTax.Printed printed = PrintedTax.of(taxed, note.sellerCountry(), false);
        List<Mention> mentions = new ArrayList<>(printed.mentions());
        mentions.add(0, Mention.of("document.mention.creditReason", note.reason()));
        mentions.add(1, settlement(note));
        return new PrintedDocument(DocumentKind.CREDIT_NOTE, note.number(),
                LocalDate.ofInstant(note.issuedAt(), ZoneOffset.UTC), invoice.supplyDate(), null, currency, locale,
                new PrintedDocument.Party(sellerName, List.of(), note.sellerCountry(), note.sellerVatId(), null),
                new PrintedDocument.Party(note.buyerName(), buyerAddress, note.buyerCountry(), note.buyerVatId(), null),
                printed.lines(), printed.vatBreakdown(),
                new PrintedDocument.Totals(note.net(), note.vat(), note.gross(), invoice.pricesIncludeVat()),
                mentions, null, new PrintedDocument.Original(note.invoiceNumber(), note.invoiceDate()));
    }
}
