package dev.kassa.server.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One movement of money: the header of entries that balance per currency. Never updated. */
@Entity
@Table(name = "journal_transactions")
public class JournalTransaction {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String type;
    private String description;
    private String reference;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "fx_paid_minor")
    private Long fxPaidMinor;
    @Column(name = "fx_paid_currency")
    private String fxPaidCurrency;
    @Column(name = "fx_rate")
    private java.math.BigDecimal fxRate;
    @Column(name = "fx_source")
    private String fxSource;
    @Column(name = "fx_rate_date")
    private java.time.LocalDate fxRateDate;

    protected JournalTransaction() {
    }

    public JournalTransaction(String id, String tenantId, TransactionType type, String description, String reference,
                       Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.type = type.name();
        this.description = description;
        this.reference = reference;
        this.createdAt = createdAt;
    }

    /** Records, beside a converted posting, what was paid and at which rate, from which source and date. */
    public void recordConversion(FxDetails fx) {
        this.fxPaidMinor = fx.paid().minor();
        this.fxPaidCurrency = fx.paid().currency().code();
        this.fxRate = fx.rate();
        this.fxSource = fx.source();
        this.fxRateDate = fx.rateDate();
    }

    /** The conversion of this transaction, if it converted. */
    public java.util.Optional<FxDetails> conversion() {
        if (fxPaidCurrency == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FxDetails(new dev.kassa.server.shared.Money(fxPaidMinor,
                dev.kassa.server.shared.CurrencyRegistry.iso4217().require(fxPaidCurrency)),
                fxRate.stripTrailingZeros(), fxSource, fxRateDate));
    }

    public String id() {
        return id;
    }

    public TransactionType type() {
        return TransactionType.valueOf(type);
    }

    public String description() {
        return description;
    }

    public String reference() {
        return reference;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
