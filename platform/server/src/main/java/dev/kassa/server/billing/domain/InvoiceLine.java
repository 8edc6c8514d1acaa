package dev.kassa.server.billing.domain;

import dev.kassa.server.shared.CurrencyCodeConverter;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One line of an invoice: what was supplied, how many at what unit price, its tax decision and its
 * amounts. {@code serviceId} and {@code topUpId} name what the line bills when a renewal or a
 * top-up made it (null for one-off work). Lines change only with their draft invoice.
 */
@Entity
@Table(name = "invoice_lines")
public class InvoiceLine {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @ManyToOne
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;
    @Column(name = "line_no")
    private int lineNo;
    private String description;
    private long quantity;
    @Column(name = "unit_price_minor")
    private long unitPriceMinor;
    @Convert(converter = CurrencyCodeConverter.class)
    private CurrencyUnit currency;
    @Enumerated(EnumType.STRING)
    @Column(name = "tax_category")
    private TaxCategory taxCategory;
    @Column(name = "net_minor")
    private long netMinor;
    @Column(name = "vat_minor")
    private long vatMinor;
    @Column(name = "gross_minor")
    private long grossMinor;
    @Enumerated(EnumType.STRING)
    @Column(name = "tax_rule")
    private TaxRule taxRule;
    @Column(name = "tax_rate")
    private BigDecimal taxRate;
    @Column(name = "vat_category")
    private String vatCategory;
    @Column(name = "exemption_reason")
    private String exemptionReason;
    @Column(name = "rate_table_date")
    private String rateTableDate;
    @Column(name = "service_id")
    private String serviceId;
    @Column(name = "top_up_id")
    private String topUpId;

    protected InvoiceLine() {
    }

    /** What a line says before tax: the caller has checked that the unit price is positive. */
    public record Draft(String description, long quantity, Money unitPrice, TaxCategory taxCategory, String serviceId,
                        String topUpId) { }

    InvoiceLine(String id, Invoice invoice, int lineNo, Draft draft, TaxDecision decision, boolean pricesIncludeVat) {
        this.id = id;
        this.tenantId = invoice.tenantId();
        this.invoice = invoice;
        this.lineNo = lineNo;
        this.description = draft.description();
        this.quantity = draft.quantity();
        this.unitPriceMinor = draft.unitPrice().minor();
        this.currency = draft.unitPrice().currency();
        this.taxCategory = draft.taxCategory();
        this.serviceId = draft.serviceId();
        this.topUpId = draft.topUpId();
        apply(decision, pricesIncludeVat);
    }

    void apply(TaxDecision decision, boolean pricesIncludeVat) {
        LineAmounts amounts = LineAmounts.of(quantity, unitPriceMinor, decision.rate(), pricesIncludeVat);
        this.netMinor = amounts.net();
        this.vatMinor = amounts.vat();
        this.grossMinor = amounts.gross();
        this.taxRule = decision.rule();
        this.taxRate = decision.rate();
        this.vatCategory = decision.category();
        this.exemptionReason = decision.exemptionReason();
        this.rateTableDate = decision.rateTableDate();
    }

    public String id() {
        return id;
    }

    public int lineNo() {
        return lineNo;
    }

    public String description() {
        return description;
    }

    public long quantity() {
        return quantity;
    }

    public Money unitPrice() {
        return new Money(unitPriceMinor, currency);
    }

    public TaxCategory taxCategory() {
        return taxCategory;
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

    public TaxDecision taxDecision() {
        return new TaxDecision(taxRule, taxRate, vatCategory, exemptionReason, rateTableDate);
    }

    public String serviceId() {
        return serviceId;
    }

    public String topUpId() {
        return topUpId;
    }
}
