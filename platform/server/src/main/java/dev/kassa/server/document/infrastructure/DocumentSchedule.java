package dev.kassa.server.document.infrastructure;

import dev.kassa.server.config.Settings;
import dev.kassa.server.document.application.DocumentWorker;
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
 * Runs the document worker every {@code KASSA_DOCUMENTS_INTERVAL} seconds, once
 * {@link dev.kassa.server.startup.Startup} has migrated the schema.
 */
@ApplicationScoped
public class DocumentSchedule {
    private static final Logger LOG = Logger.getLogger(DocumentSchedule.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler; // resource injection has no constructor form

    private Settings settings;
    private DocumentWorker worker;
    private volatile ScheduledFuture<?> rounds;

    protected DocumentSchedule() {
    }

    @Inject
    public DocumentSchedule(Settings settings, DocumentWorker worker) {
        this.settings = settings;
        this.worker = worker;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 920) @Initialized(ApplicationScoped.class)
                 Object event) {
        long every = settings.documentsInterval().toMillis();
        rounds = scheduler.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            int tried = worker.runOnce();
            if (tried > 0) {
                LOG.fine(() -> "Document worker rendered " + tried + " documents");
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and carry on at the next round.
            LOG.log(Level.WARNING, "Document round failed; will retry", e);
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
