package dev.kassa.server.billing.domain;

import dev.kassa.server.shared.CurrencyCodeConverter;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A correction of a finalised invoice: it cites the invoice's number and date, takes back some or
 * all of its lines at their prices and tax decisions, and is numbered in its own gapless series
 * when it is issued. Like an invoice, it never changes afterwards.
 */
@Entity
@Table(name = "credit_notes")
public class CreditNote {
    /** What became of the credited amount. */
    public enum Settlement {
        /** The invoice was open: crediting it in full cancelled it, and nothing was owed any more. */
        INVOICE_CANCELLED,
        /** The invoice was paid: the credited amount went back to the account's balance. */
        BALANCE_CREDITED,
        /**
         * A prepayment (a top-up's invoice): the balance paid an invoice, which carries its own VAT,
         * with the prepaid money, so the prepayment's VAT is taken back for that part.
         */
        PREPAYMENT_APPLIED,
        /** A prepayment: its unused money was refunded. */
        PREPAYMENT_REFUNDED
    }

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "payer_id")
    private String payerId;
    @Column(name = "invoice_id")
    private String invoiceId;
    private String number;
    @Column(name = "invoice_number")
    private String invoiceNumber;
    @Column(name = "invoice_date")
    private LocalDate invoiceDate;
    private String reason;
    @Column(name = "full_credit")
    private boolean fullCredit;
    @Enumerated(EnumType.STRING)
    private Settlement settlement;
    @Convert(converter = CurrencyCodeConverter.class)
    private CurrencyUnit currency;
    @Column(name = "net_minor")
    private long netMinor;
    @Column(name = "vat_minor")
    private long vatMinor;
    @Column(name = "gross_minor")
    private long grossMinor;
    @Column(name = "seller_country")
    private String sellerCountry;
    @Column(name = "seller_vat_id")
    private String sellerVatId;
    @Column(name = "buyer_name")
    private String buyerName;
    @Column(name = "buyer_country")
    private String buyerCountry;
    @Column(name = "buyer_vat_id")
    private String buyerVatId;
    @Column(name = "transaction_id")
    private String transactionId;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @OneToMany(mappedBy = "creditNote", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    private List<CreditNoteLine> lines = new ArrayList<>();

    protected CreditNote() {
    }

    /**
     * One invoice line and how many of its units are taken back, with the amounts they come to;
     * {@code unitPriceMinor} is the line's own unit price unless a part of one unit is taken back
     * (a prepayment, see {@link Invoice#isPrepayment}), which prints its own.
     */
    public record Taken(InvoiceLine line, long quantity, LineAmounts amounts, Long unitPriceMinor) {
        public Taken(InvoiceLine line, long quantity, LineAmounts amounts) {
            this(line, quantity, amounts, null);
        }
    }

    /** A credit note for {@code invoice}, citing it, with its seller and buyer as the invoice printed them. */
    public CreditNote(String id, Invoice invoice, String number, String reason, List<Taken> taken, boolean fullCredit,
                      Settlement settlement, String transactionId, Instant now) {
        this.id = id;
        this.tenantId = invoice.tenantId();
        this.accountId = invoice.accountId();
        this.payerId = invoice.payerId();
        this.invoiceId = invoice.id();
        this.number = number;
        this.invoiceNumber = invoice.number();
        this.invoiceDate = LocalDate.ofInstant(invoice.finalizedAt(), ZoneOffset.UTC);
        this.reason = reason;
        this.fullCredit = fullCredit;
        this.settlement = settlement;
        this.currency = invoice.currency();
        Invoice.Parties parties = invoice.parties();
        this.sellerCountry = parties.sellerCountry();
        this.sellerVatId = parties.sellerVatId();
        this.buyerName = parties.buyerName();
        this.buyerCountry = parties.buyerCountry();
        this.buyerVatId = parties.buyerVatId();
        this.transactionId = transactionId;
        this.issuedAt = now;
        for (Taken t : taken) {
            lines.add(new CreditNoteLine(Ids.next("cnl"), this, lines.size() + 1, t.line(), t.quantity(),
                    t.amounts(), t.unitPriceMinor()));
            netMinor = Math.addExact(netMinor, t.amounts().net());
            vatMinor = Math.addExact(vatMinor, t.amounts().vat());
            grossMinor = Math.addExact(grossMinor, t.amounts().gross());
        }
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String accountId() {
        return accountId;
    }

    public String payerId() {
        return payerId;
    }

    public String invoiceId() {
        return invoiceId;
    }

    public String number() {
        return number;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public LocalDate invoiceDate() {
        return invoiceDate;
    }

    public String reason() {
        return reason;
    }

    public boolean fullCredit() {
        return fullCredit;
    }

    public Settlement settlement() {
        return settlement;
    }

    public CurrencyUnit currency() {
        return currency;
    }

    public Money net() {
        return new Money(netMinor, currency);
    }

    public Money vat() {
        return new Money(vatMinor, currency);
    }

    public Money gross() {
        return new Money(grossMinor, currency);
    }

    public String sellerCountry() {
        return sellerCountry;
    }

    public String sellerVatId() {
        return sellerVatId;
    }

    public String buyerName() {
        return buyerName;
    }

    public String buyerCountry() {
        return buyerCountry;
    }

    public String buyerVatId() {
        return buyerVatId;
    }

    public String transactionId() {
        return transactionId;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public List<CreditNoteLine> lines() {
        return List.copyOf(lines);
    }
}
