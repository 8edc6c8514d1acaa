package dev.kassa.server.mail.infrastructure;

import dev.kassa.server.config.Settings;
import dev.kassa.server.mail.application.MailWorker;
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
    private volatile Rounds rounds;

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
        rounds = Rounds.start(scheduler, settings.mailInterval(), LOG, "Mail round", this::round);
    }

    private void round() {
        int tried = worker.runOnce();
        if (tried > 0) {
            LOG.fine(() -> "Mail worker tried " + tried + " mails");
        }
    }

    @PreDestroy
    void stop() {
        Rounds.stop(rounds);
    }
}
