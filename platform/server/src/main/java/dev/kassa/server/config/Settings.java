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

    /**
     * The largest request body the JSON API reads, in bytes: {@code KASSA_MAX_BODY_BYTES}, 1 MiB by
     * default. Webhooks and the rates upload keep limits of their own.
     *
     * @throws IllegalArgumentException if the setting is not a positive whole number
     */
    public long maxBodyBytes() {
        String value = string("KASSA_MAX_BODY_BYTES").orElse("1048576");
        long bytes;
        try {
            bytes = Long.parseLong(value);
        } catch (NumberFormatException e) {
            bytes = 0;
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException(
                    "KASSA_MAX_BODY_BYTES must be a positive whole number of bytes, not '" + value + "'");
        }
        return bytes;
    }

    public Optional<String> string(String name) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }
}
