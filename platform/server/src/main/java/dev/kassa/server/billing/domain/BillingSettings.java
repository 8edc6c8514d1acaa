package dev.kassa.server.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A tenant's billing settings: where it is established for VAT and its VAT ID, whether its prices
 * include VAT, the grace and termination days of unpaid renewals, whether paid top-ups are
 * invoiced, and the number format of each document series. A tenant without a row has
 * {@link #defaults}. The caller checks the values ({@code BillingSettingsService}).
 */
@Entity
@Table(name = "billing_settings")
public class BillingSettings {
    public static final int DEFAULT_GRACE_DAYS = 7;
    public static final int DEFAULT_TERMINATION_DAYS = 30;
    public static final String DEFAULT_INVOICE_FORMAT = "INV-{yyyy}-{seq:6}";
    public static final String DEFAULT_CREDIT_NOTE_FORMAT = "CN-{yyyy}-{seq:6}";
    public static final String DEFAULT_RECEIPT_FORMAT = "RCT-{yyyy}-{seq:6}";

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "establishment_country")
    private String establishmentCountry;
    @Column(name = "vat_id")
    private String vatId;
    @Column(name = "prices_include_vat")
    private boolean pricesIncludeVat;
    @Column(name = "grace_days")
    private int graceDays;
    @Column(name = "termination_days")
    private int terminationDays;
    @Column(name = "invoice_top_ups")
    private boolean invoiceTopUps;
    /** Set once {@code invoiceTopUps} is ever true, and never cleared: prepayments may be left to deduct. */
    @Column(name = "top_ups_ever_invoiced")
    private boolean topUpsEverInvoiced;
    @Column(name = "numbering_invoice")
    private String invoiceFormat;
    @Column(name = "numbering_credit_note")
    private String creditNoteFormat;
    @Column(name = "numbering_receipt")
    private String receiptFormat;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected BillingSettings() {
    }

    /** What a tenant that never saved its settings has: not established anywhere yet, net prices. */
    public static BillingSettings defaults(String tenantId) {
        BillingSettings s = new BillingSettings();
        s.tenantId = tenantId;
        s.graceDays = DEFAULT_GRACE_DAYS;
        s.terminationDays = DEFAULT_TERMINATION_DAYS;
        s.invoiceFormat = DEFAULT_INVOICE_FORMAT;
        s.creditNoteFormat = DEFAULT_CREDIT_NOTE_FORMAT;
        s.receiptFormat = DEFAULT_RECEIPT_FORMAT;
        return s;
    }

    /** The values of a change, already checked. */
    public record Values(String establishmentCountry, String vatId, boolean pricesIncludeVat, int graceDays,
                         int terminationDays, boolean invoiceTopUps, String invoiceFormat, String creditNoteFormat,
                         String receiptFormat) { }

    public void replace(Values v, Instant now) {
        this.establishmentCountry = v.establishmentCountry();
        this.vatId = v.vatId();
        this.pricesIncludeVat = v.pricesIncludeVat();
        this.graceDays = v.graceDays();
        this.terminationDays = v.terminationDays();
        this.invoiceTopUps = v.invoiceTopUps();
        this.topUpsEverInvoiced = topUpsEverInvoiced || v.invoiceTopUps();
        this.invoiceFormat = v.invoiceFormat();
        this.creditNoteFormat = v.creditNoteFormat();
        this.receiptFormat = v.receiptFormat();
        this.updatedAt = now;
    }

    public String tenantId() {
        return tenantId;
    }

    /** The member state the tenant is established in for VAT; null until set. */
    public String establishmentCountry() {
        return establishmentCountry;
    }

    public String vatId() {
        return vatId;
    }

    public boolean pricesIncludeVat() {
        return pricesIncludeVat;
    }

    public int graceDays() {
        return graceDays;
    }

    public int terminationDays() {
        return terminationDays;
    }

    public boolean invoiceTopUps() {
        return invoiceTopUps;
    }

    /**
     * Whether top-ups were ever invoiced: then prepayment invoices may have something left, which
     * the balance's payments and refunds take back, whatever {@link #invoiceTopUps} says now.
     */
    public boolean topUpsEverInvoiced() {
        return topUpsEverInvoiced;
    }

    public String invoiceFormat() {
        return invoiceFormat;
    }

    public String creditNoteFormat() {
        return creditNoteFormat;
    }

    public String receiptFormat() {
        return receiptFormat;
    }

    /** The number format of a series. */
    public String format(DocumentSeries series) {
        switch (series) {
            case CREDIT_NOTE:
                return creditNoteFormat;
            case RECEIPT:
                return receiptFormat;
            default:
                return invoiceFormat;
        }
    }
}
