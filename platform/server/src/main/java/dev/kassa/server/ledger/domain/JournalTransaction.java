package dev.kassa.server.ledger.domain;

import dev.kassa.server.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One movement of money: the header of entries that balance per currency. Never updated. */
@Entity
@Table(name = "journal_transactions")
public class JournalTransaction {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Enumerated(EnumType.STRING)
    private TransactionType type;
    private String description;
    private String reference;
    @Column(name = "created_at")
    private Instant createdAt;
    /** What was paid, when the posting converted; null otherwise, as are the other {@code fx} columns. */
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "fx_paid_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "fx_paid_currency"))
    private Money fxPaid;
    @Column(name = "fx_rate")
    private BigDecimal fxRate;
    @Column(name = "fx_source")
    private String fxSource;
    @Column(name = "fx_rate_date")
    private LocalDate fxRateDate;

    protected JournalTransaction() {
    }

    public JournalTransaction(String id, String tenantId, TransactionType type, String description, String reference,
                       Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.type = type;
        this.description = description;
        this.reference = reference;
        this.createdAt = createdAt;
    }

    /** Records, beside a converted posting, what was paid and at which rate, from which source and date. */
    public void recordConversion(FxDetails fx) {
        this.fxPaid = fx.paid();
        this.fxRate = fx.rate();
        this.fxSource = fx.source();
        this.fxRateDate = fx.rateDate();
    }

    /** The conversion of this transaction, if it converted. */
    public Optional<FxDetails> conversion() {
        if (fxPaid == null) {
            return Optional.empty();
        }
        return Optional.of(new FxDetails(fxPaid, fxRate.stripTrailingZeros(), fxSource, fxRateDate));
    }

    public String id() {
        return id;
    }

    public TransactionType type() {
        return type;
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
