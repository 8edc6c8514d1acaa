package dev.kassa.server.billing.domain;

import dev.kassa.server.shared.CurrencyCodeConverter;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Something an account pays for period by period (a server, a licence, an address), billed to one
 * of its payers in the account's currency. Kassa bills it; the reseller's systems provision it.
 *
 * <p>While {@code ACTIVE} and auto-renewing, the billing run renews it when {@code nextRenewalAt}
 * comes: an invoice for the next period, paid from the balance when it covers it. An invoice left
 * unpaid is remembered ({@code unpaidInvoiceId}) with the moments its grace and its termination end
 * ({@code suspendAt}, {@code terminateAt}); paying it clears them and reactivates a suspended
 * service. {@code TERMINATED} is the end: nothing changes it any more.
 */
@Entity
@Table(name = "services")
public class Service {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "payer_id")
    private String payerId;
    private String name;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "price_minor")
    private long priceMinor;
    @Convert(converter = CurrencyCodeConverter.class)
    private CurrencyUnit currency;
    @Enumerated(EnumType.STRING)
    @Column(name = "period")
    private ServicePeriod period;
    @Column(name = "next_renewal_at")
    private Instant nextRenewalAt;
    @Column(name = "auto_renew")
    private boolean autoRenew;
    @Enumerated(EnumType.STRING)
    @Column(name = "tax_category")
    private TaxCategory taxCategory;
    @Enumerated(EnumType.STRING)
    private ServiceStatus status;
    @Column(name = "unpaid_invoice_id")
    private String unpaidInvoiceId;
    @Column(name = "suspend_at")
    private Instant suspendAt;
    @Column(name = "terminate_at")
    private Instant terminateAt;
    @Column(name = "cancel_at")
    private Instant cancelAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "last_renewed_at")
    private Instant lastRenewedAt;
    @Column(name = "suspended_at")
    private Instant suspendedAt;
    @Column(name = "terminated_at")
    private Instant terminatedAt;

    protected Service() {
    }

    /** What a new service says; the caller has checked the payer and that the price is positive. */
    public record Terms(String payerId, String name, String externalId, Money price, ServicePeriod period,
                        Instant nextRenewalAt, boolean autoRenew, TaxCategory taxCategory) { }

    public Service(String id, String tenantId, String accountId, Terms terms, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.payerId = terms.payerId();
        this.name = terms.name();
        this.externalId = terms.externalId();
        this.priceMinor = terms.price().minor();
        this.currency = terms.price().currency();
        this.period = terms.period();
        this.nextRenewalAt = terms.nextRenewalAt();
        this.autoRenew = terms.autoRenew();
        this.taxCategory = terms.taxCategory();
        this.status = ServiceStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A partial change, members null staying as they are. A new price is billed from the next
     * renewal on: the period under way was billed already.
     */
    public void change(Boolean newAutoRenew, Money newPrice, String newPayerId, Instant now) {
        requireNotTerminated();
        if (newPrice != null) {
            if (!newPrice.currency().equals(currency)) {
                throw new IllegalArgumentException("a price in " + newPrice.currency() + " for a service in " + currency);
            }
            this.priceMinor = newPrice.minor();
        }
        if (newAutoRenew != null) {
            this.autoRenew = newAutoRenew;
            if (newAutoRenew) {
                // Renewing again withdraws a cancellation at period end.
                this.cancelAt = null;
            }
        }
        if (newPayerId != null) {
            this.payerId = newPayerId;
        }
        this.updatedAt = now;
    }

    /** Stops renewing: the service ends when the period already paid for ends. */
    public void cancelAtPeriodEnd(Instant now) {
        requireNotTerminated();
        this.autoRenew = false;
        this.cancelAt = nextRenewalAt;
        this.updatedAt = now;
    }

    /** The period now renewed: billed (paid or not), so the next renewal is one period later. */
    public void renewed(Instant now) {
        this.nextRenewalAt = period.after(nextRenewalAt);
        this.lastRenewedAt = now;
        this.updatedAt = now;
    }

    /**
     * A renewal invoice was left open. Only the oldest open one is followed: its grace and
     * termination dates hold until it is paid.
     */
    public void awaitPayment(String invoiceId, Instant suspend, Instant terminate, Instant now) {
        if (unpaidInvoiceId == null) {
            this.unpaidInvoiceId = invoiceId;
            this.suspendAt = suspend;
            this.terminateAt = terminate;
            this.updatedAt = now;
        }
    }

    /** The followed invoice is paid: nothing is owed, and a suspended service runs again; true when reactivated. */
    public boolean invoicePaid(String invoiceId, Instant now) {
        if (!Objects.equals(invoiceId, unpaidInvoiceId) || status == ServiceStatus.TERMINATED) {
            return false;
        }
        this.unpaidInvoiceId = null;
        this.suspendAt = null;
        this.terminateAt = null;
        this.updatedAt = now;
        if (status == ServiceStatus.SUSPENDED) {
            this.status = ServiceStatus.ACTIVE;
            this.suspendedAt = null;
            return true;
        }
        return false;
    }

    public void suspend(Instant now) {
        if (status != ServiceStatus.ACTIVE) {
            throw new IllegalStateException("only an active service is suspended, not a " + status + " one");
        }
        this.status = ServiceStatus.SUSPENDED;
        this.suspendedAt = now;
        this.suspendAt = null;
        this.updatedAt = now;
    }

    /** The end, whether cancelled or unpaid for too long; an unpaid invoice stays open. */
    public void terminate(Instant now) {
        requireNotTerminated();
        this.status = ServiceStatus.TERMINATED;
        this.terminatedAt = now;
        this.autoRenew = false;
        this.suspendAt = null;
        this.terminateAt = null;
        this.cancelAt = null;
        this.updatedAt = now;
    }

    /** Refuses, with 409 {@code service.terminated}, to change a terminated service. */
    public void requireNotTerminated() {
        if (status == ServiceStatus.TERMINATED) {
            throw KassaException.conflict("service.terminated", "Service terminated",
                    "Service " + id + " is terminated and can no longer change.");
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

    public String name() {
        return name;
    }

    public String externalId() {
        return externalId;
    }

    public Money price() {
        return new Money(priceMinor, currency);
    }

    public ServicePeriod period() {
        return period;
    }

    public Instant nextRenewalAt() {
        return nextRenewalAt;
    }

    public boolean autoRenew() {
        return autoRenew;
    }

    public TaxCategory taxCategory() {
        return taxCategory;
    }

    public ServiceStatus status() {
        return status;
    }

    /** The renewal invoice waiting to be paid (the oldest), or null. */
    public String unpaidInvoiceId() {
        return unpaidInvoiceId;
    }

    /** When the service is suspended unless its unpaid invoice is paid first; null when nothing is owed. */
    public Instant suspendAt() {
        return suspendAt;
    }

    /** When the service is terminated unless its unpaid invoice is paid first; null when nothing is owed. */
    public Instant terminateAt() {
        return terminateAt;
    }

    /** When a cancellation at period end takes effect; null when not cancelled. */
    public Instant cancelAt() {
        return cancelAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant lastRenewedAt() {
        return lastRenewedAt;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }

    public Instant terminatedAt() {
        return terminatedAt;
    }
}
