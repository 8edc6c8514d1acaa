package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.application.BillingRun;
import dev.kassa.server.billing.application.RenewalCardCharges;
import dev.kassa.server.config.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the billing run every {@code KASSA_BILLING_INTERVAL} seconds, once
 * {@link dev.kassa.server.startup.Startup} has migrated the schema, renewing on
 * {@code KASSA_BILLING_THREADS} threads of the container's managed executor,
 * {@code KASSA_BILLING_BATCH} services per transaction, then charges the renewal invoices it left
 * open to saved cards ({@link RenewalCardCharges}). Rounds never overlap (fixed delay).
 */
@ApplicationScoped
public class BillingSchedule {
    private static final Logger LOG = Logger.getLogger(BillingSchedule.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler; // resource injection has no constructor form
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService workers; // the renewing threads, with the container's transactions

    private Settings settings;
    private BillingRun run;
    private RenewalCardCharges cards;
    private volatile ScheduledFuture<?> rounds;

    protected BillingSchedule() {
    }

    @Inject
    public BillingSchedule(Settings settings, BillingRun run, RenewalCardCharges cards) {
        this.settings = settings;
        this.run = run;
        this.cards = cards;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 920) @Initialized(ApplicationScoped.class)
                 Object event) {
        long every = settings.billingInterval().toMillis();
        rounds = scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            BillingRun.Round round = run.runOnce(workers, settings.billingThreads(), settings.billingBatch());
            if (round.didAnything()) {
                LOG.info(() -> "Billing run: " + round.renewed() + " renewed, " + round.failed() + " failed, "
                        + round.suspended() + " suspended, " + round.terminated() + " terminated");
            }
            // After the run has committed: the gateway is never called inside its transactions.
            int charged = cards.chargeOpen();
            if (charged > 0) {
                LOG.info(() -> "Billing run: " + charged + " open renewal invoices charged to saved cards");
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and carry on at the next round.
            LOG.log(Level.WARNING, "Billing round failed; will retry", e);
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> pending = rounds;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
