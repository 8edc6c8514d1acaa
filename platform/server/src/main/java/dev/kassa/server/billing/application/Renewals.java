package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceLine;
import dev.kassa.server.billing.domain.Service;
import dev.kassa.server.billing.domain.ServiceRepository;
import dev.kassa.server.shared.Money;
import dev.kassa.server.webhook.application.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Renews one due service per call, in one transaction of its own: claim it ({@code FOR UPDATE SKIP
 * LOCKED}), lock its account, make the renewal invoice for the next period (a line naming the
 * service and the period), finalise it, pay it from the balance when the balance covers it, and
 * move {@code nextRenewalAt} one period on. Either all of it commits or none of it does: a crash
 * leaves the service due, to be renewed once by the next run, never twice (the period moves on in
 * the same commit that bills it).
 *
 * <p>A balance that does not cover the invoice leaves it open ({@code NEW}); the service is then
 * suspended after the tenant's grace days and terminated after its termination days, counted from
 * the renewal, unless the invoice is paid first ({@link ServiceLifecycle}).
 *
 * <p>Locks: service, then account, then the new invoice and the tenant's invoice counter: the
 * order of {@link InvoicePayments} (invoice → services awaiting it → account → counters), where the
 * renewal's own new invoice is seen by no other transaction before it commits. The counter is taken
 * last: a batch drafts all its invoices first, then numbers them in one step ({@link
 * InvoiceFinalization#finalizeNew}), so while one batch of a tenant holds the counter to its commit,
 * the next one is already claiming and drafting.
 */
@ApplicationScoped
public class Renewals {
    private ServiceRepository services;
    private AccountRepository accounts;
    private InvoiceSteps invoices;
    private ServiceWebhooks webhooks;
    private WebhookEvents events;
    private List<BatchedWrites> batched;
    private Clock clock;

    protected Renewals() {
    }

    @Inject
    public Renewals(ServiceRepository services, AccountRepository accounts, InvoiceSteps invoices,
                    ServiceWebhooks webhooks, WebhookEvents events, Instance<BatchedWrites> batched, Clock clock) {
        this.services = services;
        this.accounts = accounts;
        this.invoices = invoices;
        this.webhooks = webhooks;
        this.events = events;
        this.batched = batched.stream().toList();
        this.clock = clock;
    }

    /** A renewal that could not be made; its transaction is rolled back and the service stays due. */
    public static final class RenewalFailed extends RuntimeException {
        private final String serviceId;

        RenewalFailed(String serviceId, RuntimeException cause) {
            super("renewing service " + serviceId + " failed: " + cause.getMessage(), cause);
            this.serviceId = serviceId;
        }

        public String serviceId() {
            return serviceId;
        }
    }

    /**
     * Renews the service due longest ago, other than those in {@code skip}; its id, or empty when
     * none is due.
     *
     * @throws RenewalFailed when it could not be renewed (such as billing settings without an
     *     establishment country): nothing of it is kept
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> renewNext(Collection<String> skip) {
        Instant now = clock.instant();
        Optional<Service> due = services.lockNextDue(ServiceRepository.Due.RENEWAL, now, skip);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Service service = due.get();
        try {
            renew(List.of(service), now);
        } catch (RuntimeException e) {
            throw new RenewalFailed(service.id(), e);
        }
        return Optional.of(service.id());
    }

    /**
     * Renews up to {@code size} due services (other than those in {@code skip}) in one transaction:
     * each exactly as {@link #renewNext} renews one, but one commit for all. Their accounts are locked
     * first, in id order, so two batches (two threads, two nodes) that share accounts wait for each
     * other instead of deadlocking. All of them commit or none: when any fails, the batch is rolled
     * back whole (the numbers it took are given back) and the caller renews them one by one with
     * {@link #renewNext}, so a service that cannot be renewed holds back no other.
     *
     * @return the ids renewed, due longest ago first; empty when none is due
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> renewBatch(Collection<String> skip, int size) {
        Instant now = clock.instant();
        List<Service> due = services.lockDue(ServiceRepository.Due.RENEWAL, now, skip, size);
        renew(due, now);
        return due.stream().map(Service::id).toList();
    }

    /**
     * Renews the claimed services: locks their accounts, drafts every renewal invoice, then numbers
     * them, one step per tenant (tenants in id order, so two batches never wait for each other's
     * counters crosswise), and only then pays each from the balance or leaves it open. Everything
     * before the numbering runs while other batches of the same tenant hold its counter; from the
     * numbering to the commit, this batch holds it. The webhook deliveries, the customers' mails and
     * the PDFs' queue rows of the whole batch are written in one statement each at its end ({@link
     * WebhookEvents#collecting}, and each {@link BatchedWrites}), not a row each at the commit.
     */
    private void renew(List<Service> due, Instant now) {
        Supplier<Void> work = () -> {
            renewCollecting(due, now);
            return null;
        };
        for (BatchedWrites writes : batched) {
            Supplier<Void> inner = work;
            work = () -> writes.collecting(inner);
        }
        events.collecting(work);
    }

    private void renewCollecting(List<Service> due, Instant now) {
        Map<String, Long> balances = lockAccounts(due);
        Map<String, List<Service>> byTenant = new TreeMap<>();
        Map<String, List<Invoice>> drafts = new TreeMap<>();
        for (Service service : due) {
            byTenant.computeIfAbsent(service.tenantId(), t -> new ArrayList<>()).add(service);
            drafts.computeIfAbsent(service.tenantId(), t -> new ArrayList<>()).add(draft(service));
        }
        drafts.forEach((tenantId, tenantDrafts) -> {
            List<Invoice> numbered = invoices.finalizeNew(tenantId, tenantDrafts, now);
            settle(byTenant.get(tenantId), numbered, now, balances);
        });
    }

    /**
     * Locks the services' accounts, one query per tenant (tenants in id order, each tenant's accounts
     * in id order, so two batches that share accounts wait for each other instead of deadlocking),
     * reads their balances under the lock, and reads the services' payers in one query per tenant:
     * account id → balance in minor units. The locks are held to the commit, so only this transaction
     * moves these balances, and it keeps them up to date itself as it charges ({@link #settle}): one
     * query per tenant and batch, not one per renewal.
     */
    private Map<String, Long> lockAccounts(List<Service> due) {
        Map<String, Set<String>> accountIds = new TreeMap<>();
        Map<String, Set<String>> payerIds = new TreeMap<>();
        for (Service s : due) {
            accountIds.computeIfAbsent(s.tenantId(), t -> new TreeSet<>()).add(s.accountId());
            payerIds.computeIfAbsent(s.tenantId(), t -> new TreeSet<>()).add(s.payerId());
        }
        Map<String, Long> balances = new HashMap<>();
        accountIds.forEach((tenantId, ids) -> {
            for (Account account : accounts.lockAll(tenantId, ids)) {
                balances.put(account.id(), account.balance().minor());
            }
            for (String id : ids) {
                if (!balances.containsKey(id)) {
                    throw new IllegalStateException("account " + id + " of tenant " + tenantId + " not found");
                }
            }
            accounts.readPayers(tenantId, payerIds.get(tenantId));
        });
        return balances;
    }

    /** The renewal invoice of the service's next period, drafted: a line naming the service and the period. */
    private Invoice draft(Service service) {
        Instant start = service.nextRenewalAt();
        LocalDate from = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(service.period().after(start), ZoneOffset.UTC);
        InvoiceLine.Draft line = new InvoiceLine.Draft(service.name() + " (" + from + " to " + to + ")", 1,
                service.price(), service.taxCategory(), service.id(), null);
        return invoices.draft(service.tenantId(), service.accountId(),
                new InvoiceService.DraftRequest(service.payerId(), List.of(line), from, null));
    }

    /**
     * Pays each finalised renewal invoice from the balance when it covers it, else leaves it open;
     * moves every period on. The balances were read under the accounts' locks, so the balance read
     * is the balance charged; each charge is taken off in this map, so a later renewal of the same
     * account sees what the earlier ones left. The covered invoices are paid together, their charges
     * posted in one statement.
     */
    private void settle(List<Service> services, List<Invoice> numbered, Instant now, Map<String, Long> balances) {
        int n = services.size();
        List<String> covered = new ArrayList<>(n);
        boolean[] paid = new boolean[n];
        long[] after = new long[n];
        for (int i = 0; i < n; i++) {
            String accountId = services.get(i).accountId();
            long balance = balances.get(accountId);
            long gross = numbered.get(i).gross().minor();
            if (balance >= gross) {
                balance -= gross;
                balances.put(accountId, balance);
                covered.add(numbered.get(i).id());
                paid[i] = true;
            }
            after[i] = balance;
        }
        if (!covered.isEmpty()) {
            invoices.payAllFromBalance(services.get(0).tenantId(), covered);
        }
        for (int i = 0; i < n; i++) {
            Service service = services.get(i);
            Invoice invoice = numbered.get(i);
            // The balance as charged: the account entity read when it was locked still shows the one before.
            Money balance = new Money(after[i], invoice.gross().currency());
            service.renewed(now);
            if (paid[i]) {
                webhooks.renewed(service, invoice.id(), balance);
            } else {
                BillingSettings settings = invoices.settings(service.tenantId());
                service.awaitPayment(invoice.id(), now.plus(Duration.ofDays(settings.graceDays())),
                        now.plus(Duration.ofDays(settings.terminationDays())), now);
                webhooks.renewalFailed(service, invoice.id(), ServiceWebhooks.BALANCE_INSUFFICIENT, balance);
            }
        }
    }
}
