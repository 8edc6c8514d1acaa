package dev.kassa.server.billing.domain;

import dev.kassa.server.shared.CurrencyCodeConverter;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The proof of one payment: a paid top-up, numbered in the receipt series in the transaction that
 * credits it, with what was paid (in the currency it was paid in), what reached the balance, and
 * the seller and payer as they were that day. It never changes.
 */
@Entity
@Table(name = "receipts")
public class Receipt {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "payer_id")
    private String payerId;
    @Column(name = "top_up_id")
    private String topUpId;
    private String number;
    private String reference;
    private String method;
    @Column(name = "paid_minor")
    private long paidMinor;
    @Convert(converter = CurrencyCodeConverter.class)
    @Column(name = "paid_currency")
    private CurrencyUnit paidCurrency;
    @Column(name = "credited_minor")
    private long creditedMinor;
    @Convert(converter = CurrencyCodeConverter.class)
    @Column(name = "credited_currency")
    private CurrencyUnit creditedCurrency;
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
    @Column(name = "paid_at")
    private Instant paidAt;

    protected Receipt() {
    }

    /** What was paid, for which top-up, by whom and how. */
    public record Payment(String accountId, String payerId, String topUpId, String reference, String method,
                          Money paid, Money credited, Instant paidAt) { }

    public Receipt(String id, String tenantId, String number, Payment payment, Invoice.Parties parties) {
        this.id = id;
        this.tenantId = tenantId;
        this.number = number;
        this.accountId = payment.accountId();
        this.payerId = payment.payerId();
        this.topUpId = payment.topUpId();
        this.reference = payment.reference();
        this.method = payment.method();
        this.paidMinor = payment.paid().minor();
        this.paidCurrency = payment.paid().currency();
        this.creditedMinor = payment.credited().minor();
        this.creditedCurrency = payment.credited().currency();
        this.paidAt = payment.paidAt();
        this.sellerCountry = parties.sellerCountry();
        this.sellerVatId = parties.sellerVatId();
        this.buyerName = parties.buyerName();
        this.buyerCountry = parties.buyerCountry();
        this.buyerVatId = parties.buyerVatId();
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

    public String topUpId() {
        return topUpId;
    }

    public String number() {
        return number;
    }

    public String reference() {
        return reference;
    }

    public String method() {
        return method;
    }

    public Money paid() {
        return new Money(paidMinor, paidCurrency);
    }

    public Money credited() {
        return new Money(creditedMinor, creditedCurrency);
    }

    public Invoice.Parties parties() {
        return new Invoice.Parties(sellerCountry, sellerVatId, buyerName, buyerCountry, buyerVatId);
    }

    public Instant paidAt() {
        return paidAt;
    }
}
