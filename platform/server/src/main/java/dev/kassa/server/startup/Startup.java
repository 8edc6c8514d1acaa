package dev.kassa.server.startup;

import dev.kassa.server.config.CredentialsFile;
import dev.kassa.server.db.KassaDataSource;
import dev.kassa.server.db.Migrations;
import dev.kassa.server.tenant.application.TenantProvisioner;
import dev.kassa.server.idempotency.IdempotencyStore;
import dev.kassa.server.payment.application.Backoff;
import dev.kassa.server.payment.application.PaymentJanitor;
import dev.kassa.server.payment.infrastructure.CredentialVault;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up, in order: the schema, the operator token, the master key for tenants' credentials,
 * the declarative tenants; then the hourly purge of idempotency keys past their retention and the
 * payment janitor every {@code KASSA_JANITOR_INTERVAL} seconds. Readiness stays down until all are done.
 */
@ApplicationScoped
public class Startup {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = "java:app/jdbc/kassa")
    private DataSource dataSource; // resource injection has no constructor form

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    private CredentialsFile credentials;
    private TenantProvisioner provisioner;
    private IdempotencyStore idempotency;
    private CredentialVault vault;
    private PaymentJanitor janitor;
    private Backoff backoff;
    private volatile boolean ready;

    protected Startup() {
    }

    @Inject
    public Startup(CredentialsFile credentials, TenantProvisioner provisioner, IdempotencyStore idempotency,
                   CredentialVault vault, PaymentJanitor janitor, Backoff backoff) {
        this.credentials = credentials;
        this.provisioner = provisioner;
        this.idempotency = idempotency;
        this.vault = vault;
        this.janitor = janitor;
        this.backoff = backoff;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        String url = KassaDataSource.configuredUrl();
        LOG.info(() -> "Kassa starting on " + url.replaceAll("password=[^&;]*", "password=***"));
        Migrations.run(dataSource);
        credentials.initOperatorToken();
        vault.open(); // a bad master key stops the start here, not at the first payment
        for (TenantProvisioner.Declared declared : provisioner.readDefinitions()) {
            provisioner.provision(declared.definition(), declared.hash());
        }
        scheduler.scheduleWithFixedDelay(this::purgeIdempotencyKeys, 1, 60, TimeUnit.MINUTES);
        long every = backoff.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runJanitor, every, every, TimeUnit.MILLISECONDS);
        ready = true; // ReadyLine says so once the rest of the start is done
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
