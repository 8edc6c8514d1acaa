package dev.kassa.server.account.infrastructure;

import dev.kassa.server.account.application.VatIdChecks;
import dev.kassa.server.config.Settings;
import dev.kassa.server.schedule.Rounds;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
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
    private volatile Rounds rounds;

    protected VatIdCheckSchedule() {
    }

    @Inject
    public VatIdCheckSchedule(Settings settings, VatIdChecks checks) {
        this.settings = settings;
        this.checks = checks;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 925) @Initialized(ApplicationScoped.class)
                 Object event) {
        rounds = Rounds.start(scheduler, settings.viesInterval(), LOG, "VAT ID check round", this::round);
    }

    private void round() {
        int asked = checks.runOnce();
        if (asked > 0) {
            LOG.fine(() -> "VAT ID checks: " + asked + " asked");
        }
    }

    @PreDestroy
    void stop() {
        Rounds.stop(rounds);
    }
}
