package dev.kassa.server.webhook.infrastructure;

import dev.kassa.server.config.Settings;
import dev.kassa.server.webhook.application.WebhookWorker;
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
 * Runs the webhook worker every {@code KASSA_WEBHOOKS_INTERVAL} seconds, once
 * {@link dev.kassa.server.startup.Startup} has migrated the schema.
 */
@ApplicationScoped
public class WebhookSchedule {
    private static final Logger LOG = Logger.getLogger(WebhookSchedule.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler; // resource injection has no constructor form

    private Settings settings;
    private WebhookWorker worker;
    private volatile Rounds rounds;

    protected WebhookSchedule() {
    }

    @Inject
    public WebhookSchedule(Settings settings, WebhookWorker worker) {
        this.settings = settings;
        this.worker = worker;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 910) @Initialized(ApplicationScoped.class)
                 Object event) {
        rounds = Rounds.start(scheduler, settings.webhooksInterval(), LOG, "Webhook round", this::round);
    }

    private void round() {
        int tried = worker.runOnce();
        if (tried > 0) {
            LOG.fine(() -> "Webhook worker tried " + tried + " deliveries");
        }
    }

    @PreDestroy
    void stop() {
        Rounds.stop(rounds);
    }
}
