package dev.kassa.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The operator token and first-time credentials. A generated operator token is kept in
 * {@code <data dir>/operator-token}; credentials shown once are appended to
 * {@code <data dir>/credentials.txt}. Both files are created with mode 0600.
 */
@ApplicationScoped
public class CredentialsFile {
    private Settings settings;
    private volatile String operatorTokenHash;

    protected CredentialsFile() {
    }

    @Inject
    public CredentialsFile(Settings settings) {
        this.settings = settings;
    }

    /** Resolves the operator token once at start: the setting, or the kept one, or a new one. */
    public synchronized void initOperatorToken() {
        Optional<String> configured = settings.operatorToken();
        String token;
        if (configured.isPresent()) {
            token = configured.get();
        } else {
            Path file = settings.dataDir().resolve("operator-token");
            try {
                if (Files.exists(file)) {
                    token = Files.readString(file, StandardCharsets.UTF_8).strip();
                } else {
                    token = Secrets.newToken("kop_");
                    writePrivate(file, token + "\n", false);
                    record("Operator token: " + token);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        operatorTokenHash = Secrets.sha256(token);
    }

    public boolean isOperatorToken(String candidate) {
        String hash = operatorTokenHash;
        return hash != null && Secrets.constantTimeEquals(hash, Secrets.sha256(candidate));
    }

    /**
     * Prints a credential once, as a {@code KASSA ...} line on standard output, and appends it to
     * {@code credentials.txt}; the line at the end of the start says where that file is.
     */
    /** Prints a line for the operator that holds no secret, in the same form, without keeping it. */
    public void say(String line) {
        System.out.println("KASSA " + line);
    }

    public void record(String line) {
        System.out.println("KASSA " + line);
        try {
            writePrivate(file(), line + "\n", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <data dir>/credentials.txt}, which exists once a credential has been recorded. */
    public Path file() {
        return settings.dataDir().resolve("credentials.txt");
    }

    private static void writePrivate(Path file, String text, boolean append) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    }
}
