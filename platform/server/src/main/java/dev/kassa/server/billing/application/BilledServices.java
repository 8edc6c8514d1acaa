package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.billing.domain.Service;
import dev.kassa.server.billing.domain.ServiceRepository;
import dev.kassa.server.billing.domain.ServiceStatus;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The services the reseller's systems create: adding one to an account, reading, listing,
 * changing and cancelling it. Renewing is the billing run's ({@link Renewals}).
 */
@ApplicationScoped
public class BilledServices {
    private ServiceRepository services;
    private AccountRepository accounts;
    private ServiceWebhooks webhooks;
    private Clock clock;

    protected BilledServices() {
    }

    @Inject
    public BilledServices(ServiceRepository services, AccountRepository accounts, ServiceWebhooks webhooks,
                          Clock clock) {
        this.services = services;
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /**
     * @throws KassaException 404 for an unknown account or a payer that is not the account's; 422
     *         {@code service.currency_mismatch} for a price in another currency than the account's
     */
    @Transactional
    public Service create(String tenantId, String accountId, Service.Terms terms) {
        Account account = accounts.require(tenantId, accountId);
        requireCurrency(account, terms.price());
        requirePayer(tenantId, accountId, terms.payerId());
        Service service = new Service(Ids.next("svc"), tenantId, accountId, terms, clock.instant());
        services.add(service);
        return service;
    }

    @Transactional
    public Service get(String tenantId, String serviceId) {
        return services.require(tenantId, serviceId);
    }

    /** The account's services, newest first, {@code limit + 1} of them; {@code status} null for all. */
    @Transactional
    public List<Service> list(String tenantId, String accountId, ServiceStatus status, PageRequest page) {
        accounts.require(tenantId, accountId);
        return services.page(tenantId, accountId, status, page.after(), page.limit());
    }

    /** A change of any of these; null members stay as they are. */
    public record Change(Boolean autoRenew, Money price, String payerId) { }

    /**
     * @throws KassaException 404 for another tenant's service or a payer that is not the account's;
     *         422 {@code service.currency_mismatch}; 409 {@code service.terminated}
     */
    @Transactional
    public Service change(String tenantId, String serviceId, Change change) {
        Service service = services.lock(tenantId, serviceId);
        service.requireNotTerminated();
        if (change.price() != null) {
            requireCurrency(accounts.require(tenantId, service.accountId()), change.price());
        }
        if (change.payerId() != null) {
            requirePayer(tenantId, service.accountId(), change.payerId());
        }
        service.change(change.autoRenew(), change.price(), change.payerId(), clock.instant());
        return service;
    }

    /**
     * At period end: renewals stop and the service ends at {@code nextRenewalAt}. Now: it is
     * terminated at once ({@code service.terminated}; a renewal invoice left open stays open).
     *
     * @throws KassaException 404 for another tenant's service; 409 {@code service.terminated}
     */
    @Transactional
    public Service cancel(String tenantId, String serviceId, boolean now) {
        Service service = services.lock(tenantId, serviceId);
        Instant at = clock.instant();
        if (now) {
            String unpaid = service.unpaidInvoiceId();
            service.terminate(at);
            webhooks.terminated(service, unpaid);
        } else {
            service.cancelAtPeriodEnd(at);
        }
        return service;
    }

    private void requirePayer(String tenantId, String accountId, String payerId) {
        accounts.findPayer(tenantId, accountId, payerId).orElseThrow(KassaException::notFound);
    }

    private static void requireCurrency(Account account, Money price) {
        if (!price.currency().equals(account.currency())) {
            throw new KassaException(422, "service.currency_mismatch", "Currency mismatch",
                    "A service is priced in its account's currency, " + account.currency() + ".",
                    List.of(new FieldError("price.currency", "currency.mismatch",
                            "must be the account currency " + account.currency())));
        }
    }
}
