package dev.kassa.server.health;

import dev.kassa.server.startup.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once migrations ran and the database answers. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    private Startup startup;

    protected ReadinessCheck() {
    }

    @Inject
    public ReadinessCheck(Startup startup) {
        this.startup = startup;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!startup.isReady()) {
            return response.down().withData("reason", "starting").build();
        }
        try (Connection c = startup.dataSource().getConnection()) {
            return c.isValid(2) ? response.up().build() : response.down().build();
        } catch (Exception e) {
            return response.down().withData("reason", "database unreachable").build();
        }
    }
}
