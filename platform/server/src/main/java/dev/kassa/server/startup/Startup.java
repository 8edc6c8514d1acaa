package dev.kassa.server.startup;

import dev.kassa.server.config.CredentialsFile;
import dev.kassa.server.config.PrivateFiles;
import dev.kassa.server.config.Settings;
import dev.kassa.server.config.Settings.InvalidSettingsException;
import dev.kassa.server.db.Migrations;
import dev.kassa.server.tenant.application.TenantProvisioner;
import dev.kassa.server.idempotency.IdempotencyStore;
import dev.kassa.server.payment.application.PaymentJanitor;
import dev.kassa.server.payment.infrastructure.CredentialVault;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up, in order: the settings and the permissions of the secret files (either wrong ends the
 * process, see {@link #refuseToStart}), the schema, the operator token, the master key for
 * tenants' credentials, the declarative tenants; then the hourly purge of idempotency keys past
 * their retention and the payment janitor every {@code KASSA_JANITOR_INTERVAL} seconds. Readiness
 * stays down until all are done.
 */
@ApplicationScoped
public class Startup {
    /** The exit status when settings or file permissions are wrong: EX_CONFIG of sysexits.h. */
    public static final int EXIT_CONFIG = 78;
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = "java:app/jdbc/kassa")
    private DataSource dataSource; // resource injection has no constructor form

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    private Settings settings;
    private CredentialsFile credentials;
    private TenantProvisioner provisioner;
    private IdempotencyStore idempotency;
    private CredentialVault vault;
    private PaymentJanitor janitor;
    private volatile boolean ready;

    protected Startup() {
    }

    @Inject
    public Startup(Settings settings, CredentialsFile credentials, TenantProvisioner provisioner,
                   IdempotencyStore idempotency, CredentialVault vault, PaymentJanitor janitor) {
        this.settings = settings;
        this.credentials = credentials;
        this.provisioner = provisioner;
        this.idempotency = idempotency;
        this.vault = vault;
        this.janitor = janitor;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        checkSettingsAndFiles();
        LOG.info(() -> "Kassa starting on " + Settings.masked(settings.databaseUrl()));
        Migrations.run(dataSource);
        credentials.initOperatorToken();
        vault.open(); // a bad master key stops the start here, not at the first payment
        for (TenantProvisioner.Declared declared : provisioner.readDefinitions()) {
            provisioner.provision(declared.definition(), declared.hash());
        }
        scheduler.scheduleWithFixedDelay(this::purgeIdempotencyKeys, 1, 60, TimeUnit.MINUTES);
        long every = settings.janitorInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runJanitor, every, every, TimeUnit.MILLISECONDS);
        ready = true; // ReadyLine says so once the rest of the start is done
    }

    /** Before anything else reads a setting or a secret file: refuses to start when one is wrong. */
    private void checkSettingsAndFiles() {
        List<String> problems;
        try {
            settings.warnings().forEach(LOG::warning);
            PrivateFiles.createDataDir(settings.dataDir());
            problems = PrivateFiles.problems(settings.dataDir(), settings.pluginsDir());
        } catch (RuntimeException e) {
            problems = invalidSettings(e).orElseThrow(() -> e).problems();
        }
        if (!problems.isEmpty()) {
            refuseToStart(problems);
        }
    }

    /** The settings' own exception, however the container wrapped it when it created the bean. */
    private static Optional<InvalidSettingsException> invalidSettings(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingsException invalid) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }

    /**
     * Prints one line for each problem, fails the deployment and ends the process with
     * {@value #EXIT_CONFIG}. Payara Micro would otherwise keep running without the application
     * (never ready) and bury the reason in stack traces; a service manager sees the exit, the
     * operator the lines. {@code System.exit} runs on a thread of its own: on this one it would wait
     * forever for Payara's shutdown hook, which waits for the deployment this thread is running.
     */
    private static void refuseToStart(List<String> problems) {
        for (String problem : problems) {
            System.err.println("Kassa cannot start: " + problem);
        }
        System.err.flush();
        new Thread(() -> System.exit(EXIT_CONFIG), "kassa-refuses-to-start").start();
        throw new IllegalStateException("Kassa cannot start: " + String.join("; ", problems));
    }

    private void purgeIdempotencyKeys() {
        try {
            int purged = idempotency.purgeExpired();
            LOG.fine(() -> "Purged " + purged + " expired idempotency keys");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging expired idempotency keys failed; will retry", e);
        }
    }

    private void runJanitor() {
        try {
            int checked = janitor.runOnce();
            if (checked > 0) {
                LOG.fine(() -> "Janitor checked " + checked + " open payments, saved methods and refunds");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Janitor round failed; will retry", e);
        }
    }

    public boolean isReady() {
        return ready;
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
