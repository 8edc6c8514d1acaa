package dev.kassa.server.startup;

import dev.kassa.server.config.CredentialsFile;
import dev.kassa.server.db.KassaDataSource;
import dev.kassa.server.db.Migrations;
import dev.kassa.server.tenant.application.TenantProvisioner;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up, in order: the schema, the operator token, the declarative tenants. Readiness stays
 * down until all three are done.
 */
@ApplicationScoped
public class Startup {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = "java:app/jdbc/kassa")
    private DataSource dataSource; // resource injection has no constructor form

    private CredentialsFile credentials;
    private TenantProvisioner provisioner;
    private volatile boolean ready;

    protected Startup() {
    }

    @Inject
    public Startup(CredentialsFile credentials, TenantProvisioner provisioner) {
        this.credentials = credentials;
        this.provisioner = provisioner;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        String url = KassaDataSource.configuredUrl();
        LOG.info(() -> "Kassa starting on " + url.replaceAll("password=[^&;]*", "password=***"));
        Migrations.run(dataSource);
        credentials.initOperatorToken();
        provisioner.provisionAll();
        ready = true;
        LOG.info("Kassa is ready");
    }

    public boolean isReady() {
        return ready;
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
