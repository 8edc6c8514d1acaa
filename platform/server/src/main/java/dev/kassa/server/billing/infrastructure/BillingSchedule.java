package dev.kassa.server.billing.infrastructure;

import dev.kassa.server.billing.application.BillingRun;
import dev.kassa.server.billing.application.RenewalCardCharges;
import dev.kassa.server.config.Settings;
import dev.kassa.server.schedule.Rounds;
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
    private volatile Rounds rounds;

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
        rounds = Rounds.start(scheduler, settings.billingInterval(), LOG, "Billing round", this::round);
    }

    private void round() {
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
    }

    @PreDestroy
    void stop() {
        Rounds.stop(rounds);
    }
}
