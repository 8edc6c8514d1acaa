package dev.kassa.server.startup;

import dev.kassa.server.config.CredentialsFile;
import dev.kassa.server.config.Settings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Files;
import java.util.logging.Logger;

/**
 * The last line of a start, and what an operator looks for: where Kassa answers, where its data is
 * and where the credentials it printed are kept.
 */
@ApplicationScoped
public class ReadyLine {
    private static final Logger LOG = Logger.getLogger(ReadyLine.class.getName());

    private Startup startup;
    private Settings settings;
    private CredentialsFile credentials;

    protected ReadyLine() {
    }

    @Inject
    public ReadyLine(Startup startup, Settings settings, CredentialsFile credentials) {
        this.startup = startup;
        this.settings = settings;
        this.credentials = credentials;
    }

    // After Startup (default priority) and the exchange-rate set-up (APPLICATION + 900).
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class)
                 Object event) {
        if (startup.isReady()) {
            LOG.info(this::text);
        }
    }

    String text() {
        StringBuilder line = new StringBuilder("Kassa is ready");
        settings.httpPort().ifPresent(port -> line.append(" on http://localhost:").append(port).append('/'));
        line.append(" with its data in ").append(settings.dataDir());
        if (Files.exists(credentials.file())) {
            line.append("; the credentials it printed are in ").append(credentials.file());
        }
        return line.toString();
    }
}
