package dev.kassa.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Operator settings, read through MicroProfile Config: each is an environment variable of the
 * same name or a system property ({@code -DKASSA_DATA_DIR=...}). Per-tenant settings live in the
 * database, never here.
 */
@ApplicationScoped
public class Settings {
    private final Config config = ConfigProvider.getConfig();

    public Path dataDir() {
        return Path.of(string("KASSA_DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
    }

    /** Where declarative tenant definitions live ({@code tenants/<slug>/tenant.json}); none when unset and absent. */
    public Optional<Path> tenantsDir() {
        return string("KASSA_TENANTS_DIR").map(Path::of).map(p -> p.toAbsolutePath().normalize());
    }

    public Optional<String> operatorToken() {
        return string("KASSA_OPERATOR_TOKEN");
    }

    /** The HTTP port, as Payara's own configuration source tells it; empty outside Payara. */
    public Optional<Integer> httpPort() {
        return config.getOptionalValue("payara.instance.http.port", Integer.class);
    }

    public Optional<String> string(String name) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
