package dev.kassa.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Third-party payloads the tests read (Stripe's example objects and events, ECB rate files), kept in
 * this jar under {@code dev/kassa/testkit/fixtures/} with their sources and licences in
 * {@code SOURCES.md} beside them. One copy for every module's tests; nothing is read from outside
 * the repository.
 */
public final class Fixtures {
    private static final String ROOT = "/dev/kassa/testkit/fixtures/";

    private Fixtures() {
    }

    /** @param name a path under the fixtures directory, such as {@code ecb/eurofxref-daily_2025-04-03.xml} */
    public static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as UTF-8 text. */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The fixture's bytes as a stream; the caller closes it. */
    public static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + name + " under " + ROOT);
        }
        return in;
    }

    /** The fixture copied into {@code dir} under its own file name, for what must be given a file (a server setting). */
    public static Path copyTo(String name, Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(Path.of(name).getFileName().toString());
            Files.write(file, bytes(name));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
