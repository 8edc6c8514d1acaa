package dev.kassa.server.document.infrastructure;

import dev.kassa.server.config.Settings;
import dev.kassa.server.document.application.DocumentWorker;
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
    private volatile Rounds rounds;

    protected DocumentSchedule() {
    }

    @Inject
    public DocumentSchedule(Settings settings, DocumentWorker worker) {
        this.settings = settings;
        this.worker = worker;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 920) @Initialized(ApplicationScoped.class)
                 Object event) {
        rounds = Rounds.start(scheduler, settings.documentsInterval(), LOG, "Document round", this::round);
    }

    private void round() {
        int tried = worker.runOnce();
        if (tried > 0) {
            LOG.fine(() -> "Document worker rendered " + tried + " documents");
        }
    }

    @PreDestroy
    void stop() {
        Rounds.stop(rounds);
    }
}
