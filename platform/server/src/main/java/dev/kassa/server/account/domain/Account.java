package dev.kassa.server.account.domain;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * A customer of a tenant with a prepaid balance. The balance is a stored copy of the ledger kept
 * in step in the same database transaction as every posting; it never goes below zero.
 */
@Entity
@Table(name = "accounts")
public class Account {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String reference;
    private String email;
    @Column(name = "email_key")
    private String emailKey;
    private String name;
    private String country;
    private String locale;
    /** The balance's currency is the account's currency. */
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "balance_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
    private Money balance;
    /**
     * How far below zero reversals have taken the balance at most (minor units, 0 for most accounts):
     * the database's check lets the balance go no lower than its negative, so only a reversal can
     * open that room, and an account never reversed keeps the plain "never below zero" rule.
     */
    @Column(name = "reversal_deficit_minor")
    private long reversalDeficitMinor;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Account() {
    }

    public Account(String id, String tenantId, String reference, String email, String name, String country,
                   String locale, CurrencyUnit currency, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.reference = reference;
        this.email = email;
        this.emailKey = emailKey(email);
        this.name = name;
        this.country = country;
        this.locale = locale;
        this.balance = Money.zero(currency);
        this.createdAt = createdAt;
    }

    public static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String reference() {
        return reference;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }

    /** The language the customer chose; null until they chose one. */
    public String locale() {
        return locale;
    }

    /** The chosen language, else {@code fallback} (the tenant's default). */
    public String localeOr(String fallback) {
        return locale == null ? fallback : locale;
    }

    public void chooseLocale(String chosen) {
        this.locale = java.util.Objects.requireNonNull(chosen);
    }

    public CurrencyUnit currency() {
        return balance.currency();
    }

    public Money balance() {
        return balance;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Whether the balance allows another currency: only an empty balance can change currency. */
    public boolean currencyChangeable() {
        return balance.isZero();
    }

    /** Switches the account to another currency; only an empty balance can change currency. */
    public void changeCurrency(CurrencyUnit newCurrency) {
        if (!currencyChangeable()) {
            throw KassaException.conflict("account.currency_locked", "Account currency locked",
                    "The currency can only change while the balance is zero; it is " + balance + ".");
        }
        this.balance = Money.zero(newCurrency);
    }

    /** Adds to the balance; only the ledger calls this, beside the entry that records it. */
    public Money credit(Money amount) {
        requirePositiveIn(amount);
        balance = balance.plus(amount);
        return balance;
    }

    /** Takes from the balance, refusing with 409 {@code balance.insufficient} rather than going below zero. */
    public Money debit(Money amount) {
        requirePositiveIn(amount);
        if (balance.compareTo(amount) < 0) {
            throw KassaException.conflict("balance.insufficient", "Insufficient balance",
                    "The balance " + balance + " does not cover " + amount + ".")
                    .with("balance", balance);
        }
        balance = balance.minus(amount);
        return balance;
    }

    /**
     * Takes from the balance even below zero: only for money a gateway already took back (a
     * chargeback), which refusing would not bring back. The one exception to {@link #debit}'s rule;
     * only the ledger's {@code reverse} calls it.
     */
    public Money takeBack(Money amount) {
        requirePositiveIn(amount);
        balance = balance.minus(amount);
        reversalDeficitMinor = Math.max(reversalDeficitMinor, -balance.minor());
        return balance;
    }

    private void requirePositiveIn(Money amount) {
        if (!amount.currency().code().equals(balance.currency().code())) {
            throw new IllegalArgumentException("posting in " + amount.currency() + " to an account in "
                    + balance.currency());
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("postings move positive amounts: " + amount);
        }
    }
}
