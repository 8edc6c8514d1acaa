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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /**
     * Renders what is queued (up to a batch of documents per round). After a burst of renewals
     * thousands of PDFs wait, and the node's other rounds (billing, mail, webhooks) share the
     * container's scheduler thread with this one: so after each document the round gives way when
     * another round is waiting for the thread, and comes back right after it rather than a whole
     * interval later.
     */
    private void round() {
        Rounds mine = rounds;
        AtomicBoolean gaveWay = new AtomicBoolean();
        int tried = worker.runOnce(() -> {
            gaveWay.set(mine != null && mine.anotherIsWaiting());
            return gaveWay.get();
        });
        if (tried > 0) {
            LOG.fine(() -> "Document worker rendered " + tried + " documents");
        }
        if (gaveWay.get()) {
            // Queued behind the rounds already waiting, which came due earlier.
            scheduler.schedule(this::resumed, 0, TimeUnit.MILLISECONDS);
        }
    }

    private void resumed() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Document round failed; will retry", e);
        }
    }

    @PreDestroy
    void stop() {
        Rounds.stop(rounds);
    }
}
