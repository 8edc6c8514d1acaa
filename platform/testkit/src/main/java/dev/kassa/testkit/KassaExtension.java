package dev.kassa.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link Kassa}: one real server on one embedded PostgreSQL for the whole test run,
 * started on first use and stopped when the run ends. Tests isolate themselves by creating their
 * own tenants, never by order or cleanup.
 */
public class KassaExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KassaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Kassa.class || type == EmbeddedDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Shared.class, k -> Shared.start(),
                Shared.class);
        return parameter.getParameter().getType() == Kassa.class ? shared.kassa : shared.database;
    }

    static final class Shared implements ExtensionContext.Store.CloseableResource {
        final EmbeddedDatabase database;
        final KassaProcess process;
        final Kassa kassa;

        private Shared(EmbeddedDatabase database, KassaProcess process, Kassa kassa) {
            this.database = database;
            this.process = process;
            this.kassa = kassa;
        }

        static Shared start() {
            EmbeddedDatabase database = EmbeddedDatabase.start();
            try {
                String url = database.createDatabase("kassa_it");
                String token = "op-" + UUID.randomUUID();
                Path dataDir = Files.createTempDirectory("kassa-it-").resolve("data");
                KassaProcess process = KassaProcess.start(KassaProcess.env(
                        "KASSA_DB_URL", url, "KASSA_DB_USER", database.user(), "KASSA_DB_PASSWORD", database.password(),
                        "KASSA_DATA_DIR", dataDir.toString(), "KASSA_OPERATOR_TOKEN", token));
                return new Shared(database, process, new Kassa(process, token));
            } catch (IOException e) {
                database.close();
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                process.close();
            } finally {
                database.close();
            }
        }
    }
}
