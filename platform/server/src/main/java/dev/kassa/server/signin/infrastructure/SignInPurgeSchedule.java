package dev.kassa.server.signin.infrastructure;

import dev.kassa.server.schedule.Rounds;
import dev.kassa.server.signin.application.SignInHousekeeping;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.logging.Logger;

/** Purges expired sessions, links and old failed sign-ins every hour, once the schema is migrated. */
@ApplicationScoped
public class SignInPurgeSchedule {
    private static final Logger LOG = Logger.getLogger(SignInPurgeSchedule.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler; // resource injection has no constructor form

    private SignInHousekeeping housekeeping;

    protected SignInPurgeSchedule() {
    }

    @Inject
    public SignInPurgeSchedule(SignInHousekeeping housekeeping) {
        this.housekeeping = housekeeping;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
                 Object event) {
        Rounds.start(scheduler, Duration.ofMinutes(5), Duration.ofMinutes(60), LOG,
                "Purging expired sessions and links", this::round);
    }

    private void round() {
        int purged = housekeeping.purge();
        LOG.fine(() -> "Purged " + purged + " expired sessions, links and failed sign-ins");
    }
}
