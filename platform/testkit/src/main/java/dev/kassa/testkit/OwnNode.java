package dev.kassa.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

/**
 * A server of a test class's own, on a database of its own in the shared embedded PostgreSQL, for
 * settings the shared server does not have (a billing run every second, webhooks to the loopback, a
 * mail server). It gets a fresh data directory, operator token and master key; {@code settings} are
 * further environment variables, as name-value pairs.
 *
 * <pre>{@code
 * node = OwnNode.start(database, "kassa_billing_run", "KASSA_BILLING_INTERVAL", "1");
 * Kassa kassa = node.kassa();
 * }</pre>
 */
public final class OwnNode implements AutoCloseable {
    private final Map<String, String> env;
    private final String operatorToken;
    private KassaProcess process;

    private OwnNode(Map<String, String> env, String operatorToken) {
        this.env = env;
        this.operatorToken = operatorToken;
        this.process = KassaProcess.start(env);
    }

    public static OwnNode start(EmbeddedDatabase database, String databaseName, String... settings) {
        String url = database.createDatabase(databaseName);
        String token = "op-" + databaseName + "-" + UUID.randomUUID();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dir;
        try {
            dir = Files.createTempDirectory(databaseName + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = KassaProcess.env("KASSA_DB_URL", url, "KASSA_DB_USER", database.user(),
                "KASSA_DB_PASSWORD", database.password(), "KASSA_DATA_DIR", dir.resolve("data").toString(),
                "KASSA_OPERATOR_TOKEN", token, "KASSA_MASTER_KEY", Base64.getEncoder().encodeToString(key));
        env.putAll(KassaProcess.env(settings));
        return new OwnNode(env, token);
    }

    /** The running server (a new one after {@link #restart()}). */
    public KassaProcess process() {
        return process;
    }

    /** The server as tests see it; a new instance after {@link #restart()}. */
    public Kassa kassa() {
        return new Kassa(process, operatorToken);
    }

    /** The environment the server runs with, including the database's JDBC URL ({@code KASSA_DB_URL}). */
    public Map<String, String> env() {
        return Collections.unmodifiableMap(env);
    }

    /** Starts the server again on the same database and data directory, once the last one is gone (stopped or killed). */
    public KassaProcess restart() {
        process = KassaProcess.start(env);
        return process;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
