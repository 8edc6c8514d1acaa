package dev.kassa.server.account.infrastructure;

import dev.kassa.server.account.application.VatIdChecks;
import dev.kassa.server.config.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
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
 * Runs the VAT ID check worker every {@code KASSA_VIES_INTERVAL} seconds, once
 * {@link dev.kassa.server.startup.Startup} has migrated the schema.
 */
@ApplicationScoped
public class VatIdCheckSchedule {
    private static final Logger LOG = Logger.getLogger(VatIdCheckSchedule.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler; // resource injection has no constructor form

    private Settings settings;
    private VatIdChecks checks;
    private volatile ScheduledFuture<?> rounds;

    protected VatIdCheckSchedule() {
    }

    @Inject
    public VatIdCheckSchedule(Settings settings, VatIdChecks checks) {
        this.settings = settings;
        this.checks = checks;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 925) @Initialized(ApplicationScoped.class)
                 Object event) {
        long every = settings.viesInterval().toMillis();
        rounds = scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            int asked = checks.runOnce();
            if (asked > 0) {
                LOG.fine(() -> "VAT ID checks: " + asked + " asked");
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and carry on at the next round.
            LOG.log(Level.WARNING, "VAT ID check round failed; will retry", e);
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
