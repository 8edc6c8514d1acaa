package dev.kassa.server.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One line of a credit note: how many units of one invoice line it takes back, at the invoice
 * line's unit price and with its tax decision, copied so the credit note reads on its own.
 */
@Entity
@Table(name = "credit_note_lines")
public class CreditNoteLine {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @ManyToOne
    @JoinColumn(name = "credit_note_id")
    private CreditNote creditNote;
    @Column(name = "invoice_line_id")
    private String invoiceLineId;
    @Column(name = "line_no")
    private int lineNo;
    private String description;
    private long quantity;
    @Column(name = "unit_price_minor")
    private long unitPriceMinor;
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

    protected CreditNoteLine() {
    }

    CreditNoteLine(String id, CreditNote creditNote, int lineNo, InvoiceLine credited, long quantity,
                   LineAmounts amounts, Long unitPriceMinor) {
        this.id = id;
        this.tenantId = creditNote.tenantId();
        this.creditNote = creditNote;
        this.invoiceLineId = credited.id();
        this.lineNo = lineNo;
        this.description = credited.description();
        this.quantity = quantity;
        this.unitPriceMinor = unitPriceMinor != null ? unitPriceMinor : credited.unitPrice().minor();
        this.netMinor = amounts.net();
        this.vatMinor = amounts.vat();
        this.grossMinor = amounts.gross();
        TaxDecision decision = credited.taxDecision();
        this.taxRule = decision.rule();
        this.taxRate = decision.rate();
        this.vatCategory = decision.category();
        this.exemptionReason = decision.exemptionReason();
        this.rateTableDate = decision.rateTableDate();
    }

    public String id() {
        return id;
    }

    public String invoiceLineId() {
        return invoiceLineId;
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

    public long unitPriceMinor() {
        return unitPriceMinor;
    }

    public LineAmounts amounts() {
        return new LineAmounts(netMinor, vatMinor, grossMinor);
    }

    public TaxDecision taxDecision() {
        return new TaxDecision(taxRule, taxRate, vatCategory, exemptionReason, rateTableDate);
    }
}
