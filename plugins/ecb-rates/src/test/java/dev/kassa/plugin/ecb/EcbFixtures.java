package dev.kassa.plugin.ecb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The ECB files in the shared fixtures, found through the {@code kassa.fixtures} property the pom sets. */
final class EcbFixtures {
    private EcbFixtures() {
    }

    static Path file(String name) {
        String root = System.getProperty("kassa.fixtures");
        assertTrue(root != null && !root.isBlank(), "system property kassa.fixtures is not set (run through Maven)");
        Path file = Path.of(root, "ecb", name);
        assertTrue(Files.isRegularFile(file), "missing fixture " + file);
        return file;
    }
}
