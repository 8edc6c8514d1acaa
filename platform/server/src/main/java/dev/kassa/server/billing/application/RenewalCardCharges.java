package dev.kassa.server.billing.application;

import dev.kassa.server.billing.domain.RenewalCardChargeRepository.Candidate;
import dev.kassa.server.payment.application.SavedMethodService;
import dev.kassa.server.payment.application.TopUpService;
import dev.kassa.server.payment.domain.AttemptStatus;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.payment.domain.TopUpStatus;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renewal by saved card: after the billing run has committed, each renewal invoice it left open
 * (the balance was short) is charged once to the payer's saved card while the customer is away,
 * as a top-up bound to the invoice, so that a success pays the invoice as any payment for it does
 * ({@link InvoiceBoundPayments}: {@code invoice.paid}, {@code service.renewed}). The invoice is
 * taken (committed) before the gateway is called, never inside a transaction that holds the
 * service or the account, and never twice, whichever node takes it. A decline leaves the invoice
 * open and sends {@code service.renewal_failed} with {@code card.declined}.
 *
 * <p>The card is the payer's default: the account's default method when it is this payer's, else
 * the payer's newest confirmed one. A payer without one is left as the billing run left it.
 */
@ApplicationScoped
public class RenewalCardCharges {
    private static final Logger LOG = Logger.getLogger(RenewalCardCharges.class.getName());
    static final int BATCH = 50;
    static final String PENDING = "pending";

    private RenewalCardChargeSteps steps;
    private TopUpService topUps;
    private SavedMethodService savedMethods;

    protected RenewalCardCharges() {
    }

    @Inject
    public RenewalCardCharges(RenewalCardChargeSteps steps, TopUpService topUps, SavedMethodService savedMethods) {
        this.steps = steps;
        this.topUps = topUps;
        this.savedMethods = savedMethods;
    }

    /** Charges up to {@link #BATCH} open renewal invoices not taken yet; how many it took. */
    public int chargeOpen() {
        int taken = 0;
        for (Candidate c : steps.untaken(BATCH)) {
            if (steps.take(c)) {
                taken++;
                charge(c);
            }
        }
        return taken;
    }

    private void charge(Candidate c) {
        Optional<SavedMethod> card = savedMethods.confirmedFor(c.tenantId(), c.accountId(), c.payerId()).stream()
                .findFirst();
        if (card.isEmpty()) {
            steps.settle(c.tenantId(), c.invoiceId(), null, "no_card", null);
            return;
        }
        try {
            // Named after the invoice: a retry finds the attempt instead of charging again.
            TopUpService.Created created = topUps.create(c.tenantId(), c.accountId(), new TopUpService.Request(null,
                    c.payerId(), card.get().method(), null, false, card.get().id(), true,
                    "renewal-card-" + c.invoiceId(), null, null, c.invoiceId()));
            String topUp = created.topUp().id();
            if (created.topUp().status() == TopUpStatus.PAID) {
                steps.settle(c.tenantId(), c.invoiceId(), topUp, "paid", null);
            } else if (created.topUp().status() == TopUpStatus.NEW) {
                boolean customer = created.attempt() != null
                        && created.attempt().status() == AttemptStatus.ACTION_REQUIRED;
                steps.settle(c.tenantId(), c.invoiceId(), topUp, customer ? "action_required" : PENDING,
                        customer ? RenewalCardChargeSteps.CARD_ACTION_REQUIRED : null);
            }
            // CANCELLED: declined, already settled by the cancellation (RenewalCardChargeSteps#onCancelled).
        } catch (KassaException e) {
            if (e.code() != null && e.code().startsWith("invoice.")) {
                steps.settle(c.tenantId(), c.invoiceId(), null, "invoice_closed", null); // paid meanwhile
            } else {
                LOG.info(() -> "Renewal invoice " + c.invoiceId() + ": saved card not chargeable: " + e.getMessage());
                steps.settle(c.tenantId(), c.invoiceId(), null, "unavailable", RenewalCardChargeSteps.CARD_UNAVAILABLE);
            }
        } catch (RuntimeException e) {
            // The gateway's answer is unknown: the attempt (if any) is the janitor's now; the invoice stays taken.
            LOG.log(Level.WARNING, "Charging the saved card for renewal invoice " + c.invoiceId() + " failed", e);
            steps.settle(c.tenantId(), c.invoiceId(), null, PENDING, null);
        }
    }
}
