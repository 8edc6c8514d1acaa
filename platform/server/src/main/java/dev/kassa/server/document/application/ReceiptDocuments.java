package dev.kassa.server.document.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.billing.application.Receipts;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.Receipt;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.document.domain.PrintedDocument.Mention;
import dev.kassa.server.payment.application.PaymentMethodService;
import dev.kassa.server.shared.KassaException;
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
 * A receipt as it is printed: one line for the payment (the top-up's reference and the method, in
 * the customer's language), what was paid and, when it was converted, what reached the balance. A
 * receipt is no invoice and says so: it has no VAT.
 */
@ApplicationScoped
public class ReceiptDocuments implements DocumentMapper {
    private Receipts receipts;
    private AccountRepository accounts;
    private TenantService tenants;
    private PaymentMethodService methods;
    private DocumentWords words;

    protected ReceiptDocuments() {
    }

    @Inject
    public ReceiptDocuments(Receipts receipts, AccountRepository accounts, TenantService tenants,
                            PaymentMethodService methods, DocumentWords words) {
        this.receipts = receipts;
        this.accounts = accounts;
        this.tenants = tenants;
        this.methods = methods;
        this.words = words;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.RECEIPT;
    }

    @Override
    @Transactional
    public PrintedDocument map(String tenantId, String receiptId, String locale) {
        Receipt receipt = receipts.get(tenantId, receiptId);
        Invoice.Parties parties = receipt.parties();
        String address = receipt.payerId() == null ? null
                : accounts.findPayer(tenantId, receipt.accountId(), receipt.payerId()).map(Payer::address).orElse(null);
        String line = words.of(tenantId, locale, parties.buyerCountry(), "document.line.payment",
                receipt.reference(), methodName(tenantId, receipt.method(), locale));
        String converted = receipt.credited().currency().equals(receipt.paid().currency()) ? null
                : receipt.credited().amountString() + " " + receipt.credited().currency().code();
        return print(receipt, tenants.get(tenantId).name(), PostalAddress.lines(address), line, converted, locale);
    }

    /** @param converted what reached the balance, written out, when it is in another currency; else null */
    static PrintedDocument print(Receipt receipt, String sellerName, List<String> buyerAddress, String line,
                                 String converted, String locale) {
        Invoice.Parties parties = receipt.parties();
        Money paid = receipt.paid();
        LocalDate day = LocalDate.ofInstant(receipt.paidAt(), ZoneOffset.UTC);
        List<Mention> mentions = new ArrayList<>();
        if (converted != null) {
            mentions.add(Mention.of("document.mention.receiptConverted", converted));
        }
        mentions.add(Mention.of("document.mention.receipt"));
        return new PrintedDocument(DocumentKind.RECEIPT, receipt.number(), day, null, null, paid.currency(), locale,
                new PrintedDocument.Party(sellerName, List.of(), parties.sellerCountry(), parties.sellerVatId(), null),
                new PrintedDocument.Party(parties.buyerName() == null ? "" : parties.buyerName(), buyerAddress,
                        parties.buyerCountry(), parties.buyerVatId(), null),
                List.of(new PrintedDocument.Line(line, 1, paid, paid, null, null, null)), List.of(),
                new PrintedDocument.Totals(paid, Money.zero(paid.currency()), paid, true), mentions,
                new PrintedDocument.Payment(true, day, null, List.of()), null);
    }

    private String methodName(String tenantId, String code, String locale) {
        if (code == null) {
            return "";
        }
        try {
            return methods.get(tenantId, code).method().info().name(locale);
        } catch (KassaException e) {
            return code; // its plugin is gone; the code still says which it was
        }
    }
}
