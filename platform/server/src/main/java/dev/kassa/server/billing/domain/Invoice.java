package dev.kassa.server.billing.domain;

import dev.kassa.server.shared.CurrencyCodeConverter;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.References;
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
import java.util.ArrayList;
import java.util.List;

/**
 * An invoice to one payer of an account, in the account's currency. A {@code DRAFT} has no number
 * and may be replaced as a whole; finalising gives it its number, freezes its lines, tax decisions,
 * seller and buyer, and opens it ({@code NEW}); from then on only its payment (or, later, a full
 * credit note) changes its status, and nothing else about it ever changes.
 */
@Entity
@Table(name = "invoices")
public class Invoice {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "payer_id")
    private String payerId;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private String number;
    @Convert(converter = CurrencyCodeConverter.class)
    private CurrencyUnit currency;
    @Column(name = "net_minor")
    private long netMinor;
    @Column(name = "vat_minor")
    private long vatMinor;
    @Column(name = "gross_minor")
    private long grossMinor;
    @Column(name = "prices_include_vat")
    private boolean pricesIncludeVat;
    @Column(name = "supply_date")
    private LocalDate supplyDate;
    @Column(name = "due_at")
    private Instant dueAt;
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
    /** What a bank transfer quotes to pay this invoice ({@code IV…}), given at finalisation. */
    @Column(name = "payment_reference")
    private String paymentReference;
    @Column(name = "payment_transaction_id")
    private String paymentTransactionId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "finalized_at")
    private Instant finalizedAt;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "buyer_vat_check_status")
    private String buyerVatCheckStatus;
    @Column(name = "buyer_vat_consultation")
    private String buyerVatConsultation;
    @Column(name = "buyer_vat_checked_at")
    private Instant buyerVatCheckedAt;
    @Column(name = "location_evidence")
    private String locationEvidence;
    /** The top-up a prepayment invoice is for; null for any other invoice. */
    @Column(name = "top_up_id")
    private String topUpId;
    /** What is left of a prepayment invoice's gross amount to take back by credit notes; null for any other. */
    @Column(name = "prepayment_left_minor")
    private Long prepaymentLeftMinor;
    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    public Invoice(String id, String tenantId, String accountId, CurrencyUnit currency, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.currency = currency;
        this.status = InvoiceStatus.DRAFT;
        this.createdAt = createdAt;
    }

    /** Who the draft is addressed to and what it says, as a whole; only a draft changes. */
    public void draft(String newPayerId, List<InvoiceLine.Draft> newLines, LocalDate newSupplyDate, Instant newDueAt,
                      Taxation taxation) {
        requireDraft();
        this.payerId = newPayerId;
        this.supplyDate = newSupplyDate;
        this.dueAt = newDueAt;
        this.lines.clear();
        for (InvoiceLine.Draft line : newLines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("a line in " + line.unitPrice().currency() + " on an invoice in "
                        + currency);
            }
            lines.add(new InvoiceLine(Ids.next("inl"), this, lines.size() + 1, line,
                    taxation.decide(line.taxCategory()), taxation.pricesIncludeVat()));
        }
        total(taxation.pricesIncludeVat());
    }

    /** The seller and buyer as they are printed on the invoice, frozen at finalisation. */
    public record Parties(String sellerCountry, String sellerVatId, String buyerName, String buyerCountry,
                          String buyerVatId) { }

    /**
     * Gives the draft its number and opens it: every line's tax decision is taken again for the
     * supply date (the finalisation date when the draft named none) and kept from now on.
     */
    public void finalize(String newNumber, Parties parties, LocalDate effectiveSupplyDate, Taxation taxation,
                         Instant now) {
        requireDraft();
        for (InvoiceLine line : lines) {
            line.apply(taxation.decide(line.taxCategory()), taxation.pricesIncludeVat());
        }
        total(taxation.pricesIncludeVat());
        this.number = newNumber;
        this.paymentReference = References.next(References.INVOICE);
        this.supplyDate = effectiveSupplyDate;
        this.sellerCountry = parties.sellerCountry();
        this.sellerVatId = parties.sellerVatId();
        this.buyerName = parties.buyerName();
        this.buyerCountry = parties.buyerCountry();
        this.buyerVatId = parties.buyerVatId();
        if (dueAt == null) {
            dueAt = now;
        }
        this.finalizedAt = now;
        this.status = InvoiceStatus.NEW;
    }

    /**
     * What the finalisation knew of the buyer: how its VAT ID stood with VIES (status, consultation
     * number, when VIES answered; all null without a VAT ID) and the evidences of its location.
     */
    public record BuyerEvidence(String vatCheckStatus, String vatConsultationNumber, Instant vatCheckedAt,
                                List<LocationEvidence> location) {
        public BuyerEvidence {
            location = List.copyOf(location);
        }
    }

    /** Keeps the evidence behind the tax decisions; only while finalising (the invoice is then frozen). */
    public void keepEvidence(BuyerEvidence evidence) {
        if (status != InvoiceStatus.NEW || paidAt != null) {
            throw new IllegalStateException("evidence is kept at finalisation only");
        }
        this.buyerVatCheckStatus = evidence.vatCheckStatus();
        this.buyerVatConsultation = evidence.vatConsultationNumber();
        this.buyerVatCheckedAt = evidence.vatCheckedAt();
        this.locationEvidence = LocationEvidence.encode(evidence.location());
    }

    /**
     * Adds what paying the invoice told of the buyer's location (the IP address it was paid from in
     * the client area), in the paying transaction; the evidence kept at finalisation stays as it was.
     */
    public void keepPaymentEvidence(LocationEvidence evidence) {
        if (status != InvoiceStatus.PAID) {
            throw new IllegalStateException("payment evidence is kept when the invoice is paid");
        }
        List<LocationEvidence> all = new ArrayList<>(LocationEvidence.decode(locationEvidence));
        all.add(evidence);
        this.locationEvidence = LocationEvidence.encode(all);
    }

    /** Kept at finalisation; null for a draft. */
    public BuyerEvidence buyerEvidence() {
        return finalizedAt == null ? null : new BuyerEvidence(buyerVatCheckStatus, buyerVatConsultation,
                buyerVatCheckedAt, LocationEvidence.decode(locationEvidence));
    }

    /** Refuses, with 409, paying an invoice that is not open; the caller holds the invoice's row lock. */
    public void requireOpen() {
        switch (status) {
            case DRAFT:
                throw KassaException.conflict("invoice.not_finalized", "Invoice not finalised",
                        "A draft cannot be paid: finalise it first.");
            case PAID:
                throw KassaException.conflict("invoice.already_paid", "Invoice already paid",
                        "Invoice " + number + " is already paid.");
            case CANCELLED:
                throw KassaException.conflict("invoice.cancelled", "Invoice cancelled",
                        "Invoice " + number + " is cancelled.");
            default:
        }
    }

    public void markPaid(String transactionId, Instant now) {
        requireOpen();
        this.paymentTransactionId = transactionId;
        this.paidAt = now;
        this.status = InvoiceStatus.PAID;
    }

    /**
     * Makes this just-finalised invoice the prepayment invoice of a paid top-up: paid by the
     * top-up's own credit, its whole gross amount left to take back.
     */
    public void paidAsPrepayment(String newTopUpId, String transactionId, Instant now) {
        markPaid(transactionId, now);
        this.topUpId = newTopUpId;
        this.prepaymentLeftMinor = grossMinor;
    }

    /** Whether this is the invoice of a top-up (a prepayment), which only the balance's use credits. */
    public boolean isPrepayment() {
        return prepaymentLeftMinor != null;
    }

    /** What is left of a prepayment to take back (gross); null for any other invoice. */
    public Money prepaymentLeft() {
        return prepaymentLeftMinor == null ? null : new Money(prepaymentLeftMinor, currency);
    }

    public String topUpId() {
        return topUpId;
    }

    /** Takes {@code minor} (gross) of what is left of the prepayment; the caller holds the row lock. */
    public void drawPrepayment(long minor) {
        if (prepaymentLeftMinor == null || minor <= 0 || minor > prepaymentLeftMinor) {
            throw new IllegalArgumentException("cannot draw " + minor + " from prepayment " + number);
        }
        prepaymentLeftMinor = prepaymentLeftMinor - minor;
    }

    /**
     * A full credit note cancels the invoice, open or paid; what was paid for it the credit note
     * settles. A draft has nothing to cancel and a cancelled invoice nothing more.
     */
    public void cancel(Instant now) {
        if (status == InvoiceStatus.DRAFT) {
            throw KassaException.conflict("invoice.not_finalized", "Invoice not finalised",
                    "A draft is not credited: change or drop it instead.");
        }
        if (status == InvoiceStatus.CANCELLED) {
            throw KassaException.conflict("invoice.cancelled", "Invoice cancelled",
                    "Invoice " + number + " is cancelled.");
        }
        this.status = InvoiceStatus.CANCELLED;
        this.cancelledAt = now;
    }

    /** Refuses, with 409 {@code invoice.finalized}, to change an invoice that is no longer a draft. */
    public void requireDraft() {
        if (status != InvoiceStatus.DRAFT) {
            throw KassaException.conflict("invoice.finalized", "Invoice finalised",
                    "Invoice " + number + " is finalised and can no longer change.");
        }
    }

    private void total(boolean include) {
        long net = 0;
        long vat = 0;
        long gross = 0;
        for (InvoiceLine line : lines) {
            net = Math.addExact(net, line.net().minor());
            vat = Math.addExact(vat, line.vat().minor());
            gross = Math.addExact(gross, line.gross().minor());
        }
        this.netMinor = net;
        this.vatMinor = vat;
        this.grossMinor = gross;
        this.pricesIncludeVat = include;
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

    public InvoiceStatus status() {
        return status;
    }

    /** Given at finalisation; null for a draft. */
    public String number() {
        return number;
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

    public boolean pricesIncludeVat() {
        return pricesIncludeVat;
    }

    /** The date of supply that the tax decisions used; on a draft, null unless the draft named one. */
    public LocalDate supplyDate() {
        return supplyDate;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Parties parties() {
        return new Parties(sellerCountry, sellerVatId, buyerName, buyerCountry, buyerVatId);
    }

    /** The reference a bank transfer quotes to pay this invoice; null for a draft. */
    public String paymentReference() {
        return paymentReference;
    }

    public String paymentTransactionId() {
        return paymentTransactionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finalizedAt() {
        return finalizedAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }
}
