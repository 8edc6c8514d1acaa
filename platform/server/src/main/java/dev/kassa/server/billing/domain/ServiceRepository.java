package dev.kassa.server.billing.domain;

import dev.kassa.server.shared.KassaException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Services, always within one tenant, except the claims of the billing run, which work across
 * tenants (each row carries its own). Every method joins the caller's transaction.
 */
public interface ServiceRepository {
    Optional<Service> find(String tenantId, String id);

    /** The service, or 404 {@code not_found}. */
    default Service require(String tenantId, String id) {
        return find(tenantId, id).orElseThrow(KassaException::notFound);
    }

    /** The service, locked until the transaction ends (404 when there is none). */
    Service lock(String tenantId, String id);

    /** The account's services, newest first, {@code limit + 1} after the cursor (or null); status null is all. */
    List<Service> page(String tenantId, String accountId, ServiceStatus status, String after, int limit);

    void add(Service service);

    /** What the billing run may claim: one kind of due work each. */
    enum Due {
        /** ACTIVE, auto-renewing, {@code nextRenewalAt <= now}. */
        RENEWAL,
        /** ACTIVE with an unpaid renewal invoice whose grace ended ({@code suspendAt <= now}). */
        SUSPENSION,
        /** not TERMINATED, and {@code terminateAt <= now} (unpaid too long, or cancelled at period end). */
        TERMINATION
    }

    /**
     * The service of that kind due longest ago, locked until the transaction ends, skipping rows
     * another node holds ({@code FOR UPDATE SKIP LOCKED}) and those in {@code skip}; empty when none is due.
     */
    default Optional<Service> lockNextDue(Due kind, Instant now, Collection<String> skip) {
        return lockDue(kind, now, skip, 1).stream().findFirst();
    }

    /**
     * Up to {@code limit} services of that kind, due longest ago first, locked as {@link #lockNextDue}
     * locks one: each is claimed by this transaction alone.
     */
    List<Service> lockDue(Due kind, Instant now, Collection<String> skip, int limit);

    /**
     * Plans a new VIES check, due {@code now}, of the VAT IDs of up to {@code limit} payers, across
     * tenants, of ACTIVE auto-renewing services due by {@code dueBy} whose last valid answer came
     * before {@code checkedBefore} and for which no check is planned yet; how many.
     */
    int planVatRechecks(Instant dueBy, Instant checkedBefore, Instant now, int limit);

    /** The tenant's services waiting for this invoice to be paid, locked until the transaction ends. */
    List<Service> lockAwaiting(String tenantId, String invoiceId);
}
