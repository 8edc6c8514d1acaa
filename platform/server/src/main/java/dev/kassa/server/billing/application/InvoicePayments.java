package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.InvoiceRepository;
import dev.kassa.server.billing.domain.InvoiceStatus;
import dev.kassa.server.billing.domain.ServiceRepository;
import dev.kassa.server.ledger.application.BalanceService;
import dev.kassa.server.ledger.application.Ledger;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Paying an open invoice. From the balance: under the invoice's row lock, the status is checked,
 * the gross amount is charged exactly as {@code POST /accounts/{id}/charges} charges (a {@code
 * CHARGE} posting, customer to revenue, referenced by the invoice number), the invoice is marked
 * paid and {@link InvoicePaid} is fired, all in one transaction. A second payment waits for the
 * first's lock and then finds it paid.
 *
 * <p><b>Lock order</b> (the one every billing path keeps, so none can deadlock another): <b>invoice
 * → the services awaiting it → account → document counters</b>. A renewal takes service → account →
 * counter (its new invoice is invisible to others until it commits, so its lock cannot be waited
 * for), which is the same order: a payment takes the services awaiting the invoice <em>before</em>
 * the charge locks the account, else a renewal of such a service (holding the service, waiting for
 * the account) and the payment (holding the account, waiting for the service in {@link
 * ServiceLifecycle}) would wait for each other. Any other way of paying an invoice (a card, a bank
 * transfer) calls {@link #lockForPayment} before it touches the account.
 */
@ApplicationScoped
public class InvoicePayments {
    public static final String FROM_BALANCE = "balance";

    private InvoiceRepository invoices;
    private AccountRepository accounts;
    private ServiceRepository services;
    private BalanceService balances;
    private Event<InvoicePaid> paid;
    private Clock clock;

    protected InvoicePayments() {
    }

    @Inject
    public InvoicePayments(InvoiceRepository invoices, AccountRepository accounts, ServiceRepository services,
                           BalanceService balances, Event<InvoicePaid> paid, Clock clock) {
        this.invoices = invoices;
        this.accounts = accounts;
        this.services = services;
        this.balances = balances;
        this.paid = paid;
        this.clock = clock;
    }

    /**
     * @throws KassaException 404 for another tenant's or an unknown invoice; 409 {@code invoice.not_finalized},
     *         {@code invoice.already_paid}, {@code invoice.cancelled}, {@code balance.insufficient} (nothing changes)
     */
    @Transactional
    public Invoice payFromBalance(String tenantId, String invoiceId) {
        Invoice invoice = lockForPayment(tenantId, invoiceId);
        invoice.requireOpen();
        return pay(invoice, true);
    }

    /**
     * Pays invoices of one tenant from the balance, each exactly as {@link #payFromBalance} pays one,
     * with their charges posted at once ({@link BalanceService#chargeAll}): for a billing run's
     * batch, which made these invoices in this transaction and already holds their accounts' locks
     * and knows each balance covers them. {@link InvoicePaid} is fired for each, in the order given.
     *
     * @return the invoices, paid, in the order given
     * @throws KassaException as {@link #payFromBalance}; the caller's transaction must then roll back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Invoice> payAllFromBalance(String tenantId, List<String> invoiceIds) {
        List<Invoice> open = new ArrayList<>(invoiceIds.size());
        List<Ledger.Debit> charges = new ArrayList<>(invoiceIds.size());
        for (String invoiceId : invoiceIds) {
            Invoice invoice = lockForPayment(tenantId, invoiceId);
            invoice.requireOpen();
            open.add(invoice);
            charges.add(charge(invoice));
        }
        List<BalanceService.Movement> movements = balances.chargeAll(tenantId, charges);
        List<Invoice> done = new ArrayList<>(open.size());
        for (int i = 0; i < open.size(); i++) {
            done.add(paid(open.get(i), movements.get(i), true));
        }
        return done;
    }

    /**
     * Pays the invoice from the balance if it is still open and the balance covers it, in the
     * caller's transaction (which has just credited the money meant for it); otherwise changes
     * nothing and never throws, so the money that arrived stays on the balance.
     *
     * @return whether it paid the invoice
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean payIfCovered(String tenantId, String invoiceId) {
        // The caller locked the invoice (and its services) before the account, see BoundInvoices#lock;
        // locking again is a no-op that flushes the credit first.
        Invoice invoice = lockForPayment(tenantId, invoiceId);
        if (invoice.status() != InvoiceStatus.NEW) {
            return false;
        }
        if (accounts.lock(tenantId, invoice.accountId()).balance().minor() < invoice.gross().minor()) {
            return false;
        }
        pay(invoice, false);
        return true;
    }

    private Invoice pay(Invoice invoice, boolean spentBalance) {
        Ledger.Debit charge = charge(invoice);
        BalanceService.Movement movement = balances.charge(invoice.tenantId(), charge.accountId(), charge.amount(),
                charge.description(), charge.reference());
        return paid(invoice, movement, spentBalance);
    }

    /** The charge that pays the invoice: its gross amount, described and referenced by its number. */
    private static Ledger.Debit charge(Invoice invoice) {
        return new Ledger.Debit(invoice.accountId(), invoice.gross(), "Invoice " + invoice.number(),
                invoice.number());
    }

    private Invoice paid(Invoice invoice, BalanceService.Movement movement, boolean spentBalance) {
        String tenantId = invoice.tenantId();
        Instant now = clock.instant();
        invoice.markPaid(movement.id(), now);
        paid.fire(new InvoicePaid(tenantId, invoice.id(), invoice.accountId(), invoice.payerId(),
                invoice.number(), invoice.gross(), invoice.dueAt(), invoice.finalizedAt(),
                FROM_BALANCE, movement.id(), now, spentBalance, movement.balanceAfter()));
        return InvoiceService.loaded(invoice);
    }

    /**
     * The first step of paying an invoice, in the paying transaction: the invoice, then the services
     * waiting for it ({@link ServiceLifecycle} changes them when {@link InvoicePaid} fires), locked
     * before anything locks the account. See the lock order above. Called inside the paying
     * transaction.
     */
    public Invoice lockForPayment(String tenantId, String invoiceId) {
        Invoice invoice = invoices.lock(tenantId, invoiceId);
        if (!invoices.createdInThisTransaction(invoiceId)) {
            // An invoice this transaction created (a renewal's) is awaited by no service: none can
            // point at it before it commits, and only an unpaid renewal, which does not pay it, does.
            services.lockAwaiting(tenantId, invoiceId);
        }
        return invoice;
    }
}
