package dev.kassa.server.currency.infrastructure;

import dev.kassa.api.rates.RateTable;
import dev.kassa.server.config.Settings;
import dev.kassa.server.currency.application.ImportResult;
import dev.kassa.server.currency.application.RateImportService;
import dev.kassa.server.shared.KassaException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings rates in without an operator: at start the file {@code KASSA_RATES_FILE}, if set; then,
 * if {@code KASSA_RATES_ECB_URL} is set, a fetch a few seconds after start and every 12 hours
 * after (an hour after a failed one). Runs after {@link dev.kassa.server.startup.Startup} has
 * migrated the schema. Nothing here can stop Kassa from starting: every failure is logged.
 */
@ApplicationScoped
public class ExchangeRateStartup {
    static final Duration FIRST_FETCH = Duration.ofSeconds(5);
    static final Duration FETCH_EVERY = Duration.ofHours(12);
    static final Duration RETRY_AFTER = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(ExchangeRateStartup.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler; // resource injection has no constructor form

    private Settings settings;
    private RateSources sources;
    private RateImportService importer;
    private RateDownloader downloader;
    private volatile ScheduledFuture<?> nextFetch;
    private volatile boolean stopped;

    protected ExchangeRateStartup() {
    }

    @Inject
    public ExchangeRateStartup(Settings settings, RateSources sources, RateImportService importer) {
        this.settings = settings;
        this.sources = sources;
        this.importer = importer;
        this.downloader = new RateDownloader();
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
                 Object event) {
        try {
            sources.describe(); // loads the plugins now, so a broken one shows in the start log
            settings.ratesFile().ifPresent(this::importFile);
            scheduleFetches();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Setting up exchange rates failed; rates can still be uploaded", e);
        }
    }

    private void importFile(Path file) {
        String source = settings.ratesSource();
        try (InputStream in = Files.newInputStream(file)) {
            ImportResult result = importer.importTables(source, sources.parse(source, in));
            LOG.info(() -> "Exchange rates from " + file + ": " + result);
        } catch (IOException e) {
            LOG.severe(() -> Settings.RATES_FILE + ": cannot read " + file + " (" + e + "); no rates imported from it");
        } catch (KassaException e) {
            LOG.severe(() -> Settings.RATES_FILE + ": " + file + " was not imported: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, Settings.RATES_FILE + ": importing " + file + " failed", e);
        }
    }

    private void scheduleFetches() {
        URI url = settings.ratesEcbUrl().orElse(null);
        if (url == null) {
            LOG.info(() -> "Exchange rates are not fetched (" + Settings.RATES_ECB_URL + " is not set); upload them"
                    + " or set " + Settings.RATES_FILE);
            return;
        }
        LOG.info(() -> "Exchange rates will be fetched from " + url + " every " + FETCH_EVERY.toHours() + " hours");
        schedule(url, FIRST_FETCH);
    }

    private void schedule(URI url, Duration delay) {
        if (!stopped) {
            nextFetch = scheduler.schedule(() -> fetchAndReschedule(url), delay.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private void fetchAndReschedule(URI url) {
        Duration next = RETRY_AFTER;
        try {
            next = fetch(url) ? FETCH_EVERY : RETRY_AFTER;
        } finally {
            // Even after an unexpected error: a scheduled task that throws is never run again.
            schedule(url, next);
        }
    }

    /** One fetch and import; true when it worked. Never throws. */
    boolean fetch(URI url) {
        String source = settings.ratesSource();
        try {
            byte[] document = downloader.download(url);
            List<RateTable> tables = sources.parse(source, new ByteArrayInputStream(document));
            ImportResult result = importer.importTables(source, tables);
            LOG.info(() -> "Exchange rates fetched from " + url + ": " + result);
            return true;
        } catch (IOException e) {
            LOG.warning(() -> "Fetching exchange rates failed, retrying in " + RETRY_AFTER.toHours() + " hour: "
                    + e.getMessage());
        } catch (KassaException e) {
            LOG.warning(() -> "Exchange rates fetched from " + url + " were not imported, retrying in "
                    + RETRY_AFTER.toHours() + " hour: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Fetching exchange rates from " + url + " failed, retrying in "
                    + RETRY_AFTER.toHours() + " hour", e);
        }
        return false;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledFuture<?> pending = nextFetch;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
