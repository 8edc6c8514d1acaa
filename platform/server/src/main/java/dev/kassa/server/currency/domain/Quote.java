package dev.kassa.server.currency.domain;

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
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A conversion shown to a customer before they confirm: they pay {@code from}, {@code to} reaches
 * the balance, at {@code rate}, until {@code expiresAt}. Never changed after it is made.
 */
@Entity
@Table(name = "quotes")
public class Quote {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "from_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "from_currency"))
    private Money fromAmount;
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "to_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "to_currency"))
    private Money toAmount;
    @Enumerated(EnumType.STRING)
    @Column(name = "fixed_side")
    private FixedSide fixedSide;
    private BigDecimal rate;
    @Column(name = "markup_basis_points")
    private int markupBasisPoints;
    private String source;
    @Column(name = "rate_date")
    private LocalDate rateDate;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected Quote() {
    }

    public Quote(String id, String tenantId, String accountId, Conversion conversion, Instant createdAt,
                 Instant expiresAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.fromAmount = conversion.from();
        this.toAmount = conversion.to();
        this.fixedSide = conversion.fixedSide();
        this.rate = conversion.effectiveRate();
        this.markupBasisPoints = conversion.markupBasisPoints();
        this.source = conversion.rateSource();
        this.rateDate = conversion.rateDate();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /**
     * What reaches the balance when {@code paid} arrives for this quote: the quoted {@code to} when
     * exactly the quoted amount was paid, otherwise {@code paid × rate}, rounded once, HALF_EVEN.
     */
    public Money creditFor(Money paid) {
        if (!paid.currency().equals(from().currency())) {
            throw new IllegalArgumentException("paid in " + paid.currency() + ", quoted in " + fromAmount.currency());
        }
        if (paid.equals(from())) {
            return to();
        }
        var unit = to().currency();
        return Money.of(paid.toDecimal().multiply(rate).setScale(unit.minorUnits(), RoundingMode.HALF_EVEN), unit);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
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

    public Money from() {
        return fromAmount;
    }

    public Money to() {
        return toAmount;
    }

    public FixedSide fixedSide() {
        return fixedSide;
    }

    /** The effective rate: units of {@code to} per unit of {@code from}, markup included. */
    public BigDecimal rate() {
        return rate.stripTrailingZeros();
    }

    public int markupBasisPoints() {
        return markupBasisPoints;
    }

    public String source() {
        return source;
    }

    public LocalDate rateDate() {
        return rateDate;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
