package dev.kassa.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Kassa server (the Payara Micro uber-jar) in a child process, configured only through
 * the documented {@code KASSA_*} environment variables, exactly as an operator would run it.
 */
public final class KassaProcess implements AutoCloseable {
    /**
     * About 20 s on a quiet 2-core machine; on one shared with other builds (load 20) a start was
     * seen to take 5 minutes, so the limit only catches a server that never gets ready.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(420);
    private static final HttpClient HEALTH = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final Path pluginsDir;

    private KassaProcess(Process process, int port, Path log, Path pluginsDir) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.pluginsDir = pluginsDir;
    }

    /** The server jar: system property {@code kassa.server.jar}, set by the build. */
    public static Path serverJar() {
        String jar = System.getProperty("kassa.server.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("kassa.server.jar does not name the built server jar: " + jar);
        }
        return Path.of(jar);
    }

    /**
     * Starts the server and waits until {@code /health/ready} answers 200.
     *
     * @param env {@code KASSA_*} settings; {@code KASSA_DATA_DIR} is required
     */
    public static KassaProcess start(Map<String, String> env, List<String> jvmOptions) {
        KassaProcess server = launch(env, jvmOptions);
        try {
            server.awaitReady();
            return server;
        } catch (IllegalStateException first) {
            if (server.process.isAlive() || !server.logContains("Server failed to start")) {
                throw first;
            }
            // The free port found was most likely taken by another process before Payara bound it:
            // one more try on a new port. A server that cannot start fails the same way twice.
            System.err.println("Kassa did not start on port " + server.port + " (log " + server.log
                    + "); trying once more on another port");
            KassaProcess again = launch(env, jvmOptions);
            again.awaitReady();
            return again;
        }
    }

    /** What a server that refused to start left behind. */
    public record Refusal(int exitStatus, String log) { }

    /**
     * Starts the server with settings it must refuse, and waits for it to exit.
     *
     * @throws IllegalStateException when it becomes ready instead, or is still running after the
     *     start timeout
     */
    public static Refusal startRefused(Map<String, String> env) {
        KassaProcess server = launch(env, List.of("-Xmx512m"));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (!server.process.waitFor(500, TimeUnit.MILLISECONDS)) {
                if (server.isReady(Duration.ofSeconds(5)) || System.nanoTime() > deadline) {
                    server.close();
                    throw new IllegalStateException("Kassa did not refuse to start; log: " + server.tail());
                }
            }
            return new Refusal(server.process.exitValue(), Files.readString(server.log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KassaProcess launch(Map<String, String> env, List<String> jvmOptions) {
        int port = freePort();
        Path dataDir = Path.of(env.get("KASSA_DATA_DIR"));
        try {
            Files.createDirectories(dataDir);
            if (!env.containsKey("KASSA_PLUGINS_DIR")) {
                installPlugins(dataDir.resolve("plugins"));
            }
            Path log = Files.createTempFile(dataDir.getParent(), "kassa-" + port + "-", ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Duser.timezone=UTC");
            command.addAll(jvmOptions);
            // No --rootDir: a kept root directory makes Payara deploy the old copy of the app as well.
            command.addAll(List.of("-jar", serverJar().toString(), "--nocluster", "--disablephonehome",
                    "--port", Integer.toString(port)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("KASSA_"));
            builder.environment().putAll(env);
            Path pluginsDir = Path.of(env.getOrDefault("KASSA_PLUGINS_DIR", dataDir.resolve("plugins").toString()));
            return new KassaProcess(builder.start(), port, log, pluginsDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plugin jars the build made ({@code kassa.plugins.dir}: bank transfer, Stripe, ECB rates), copied
     * into a server's default plugins directory, as {@code ./kassa build} does for {@code ./kassa run}.
     */
    public static void installPlugins(Path pluginsDir) throws IOException {
        String built = System.getProperty("kassa.plugins.dir");
        if (built == null || !Files.isDirectory(Path.of(built))) {
            return;
        }
        Files.createDirectories(pluginsDir);
        try (var jars = Files.list(Path.of(built))) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
                Files.copy(jar, pluginsDir.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public static KassaProcess start(Map<String, String> env) {
        return start(env, List.of("-Xmx512m"));
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The directory the server loads plugins from; a jar dropped here is picked up by a reload. */
    public Path pluginsDir() {
        return pluginsDir;
    }

    public Path log() {
        return log;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kassa exited with " + process.exitValue() + "; first errors: "
                        + firstErrors() + "\nlog: " + tail());
            }
            // Payara holds requests until the application is deployed. A probe that gave up would leave it
            // a request to answer into a closed connection, which it logs as a server error with a stack
            // trace: wait for the answer instead.
            if (isReady(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L)))) {
                return;
            }
            if (logContains("Exception during lifecycle processing")) {
                // The application failed to deploy; Payara stays up without it, never ready.
                close();
                throw new IllegalStateException("Kassa's application failed to deploy; first errors: " + firstErrors()
                        + "\nlog: " + tail());
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Kassa did not become ready in " + START_TIMEOUT + "; log: " + tail());
    }

    private boolean isReady(Duration timeout) {
        try {
            HttpResponse<String> r = HEALTH.send(HttpRequest.newBuilder(baseUri().resolve("/health/ready"))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean logContains(String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The first lines that name an error, which the tail of a long stack trace hides. */
    private String firstErrors() {
        try {
            return String.join("\n", Files.readAllLines(log).stream()
                    .filter(l -> l.contains("SEVERE") || l.startsWith("Caused by") || l.contains("Exception:"))
                    .limit(20).toList());
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The last lines of the server's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The server's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * Kills the server as a power cut or the OOM killer would: {@code SIGKILL}, so no shutdown hook,
     * no graceful stop, transactions under way simply end with the connection. Returns once it is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Kassa (pid " + process.pid() + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
