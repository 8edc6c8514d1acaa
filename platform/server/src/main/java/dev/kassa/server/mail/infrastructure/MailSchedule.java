package dev.kassa.server.mail.infrastructure;

import dev.kassa.server.config.Settings;
import dev.kassa.server.mail.application.MailWorker;
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
 * Runs the mail worker every {@code KASSA_MAIL_INTERVAL} seconds, once
 * {@link dev.kassa.server.startup.Startup} has migrated the schema, and says at start where mail
 * goes: to the SMTP server (never its password), or nowhere yet.
 */
@ApplicationScoped
public class MailSchedule {
    private static final Logger LOG = Logger.getLogger(MailSchedule.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler; // resource injection has no constructor form

    private Settings settings;
    private MailWorker worker;
    private volatile ScheduledFuture<?> rounds;

    protected MailSchedule() {
    }

    @Inject
    public MailSchedule(Settings settings, MailWorker worker) {
        this.settings = settings;
        this.worker = worker;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
                 Object event) {
        if (settings.smtp().isEmpty()) {
            LOG.info(() -> "Mail is not sent (" + Settings.SMTP_HOST + " is not set): it waits in the outbox,"
                    + " GET /api/v1/operator/outbox?status=PENDING");
            return;
        }
        LOG.info(() -> "Mail is sent through " + settings.smtp().get());
        long every = settings.mailInterval().toMillis();
        rounds = scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            int tried = worker.runOnce();
            if (tried > 0) {
                LOG.fine(() -> "Mail worker tried " + tried + " mails");
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and carry on at the next round.
            LOG.log(Level.WARNING, "Mail round failed; will retry", e);
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
