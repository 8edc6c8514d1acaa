package dev.kassa.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.KassaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees when {@code ./kassa run} starts on a fresh data directory (the embedded H2
 * default, the demo tenant): where Kassa answers, where its data and the credentials are, the
 * credentials once, and nothing else: no warning, no stack trace, no notice from a library, and no
 * stray file in the data directory.
 */
class CleanStartIT {
    private static final List<String> NOISE = List.of("WARNING", "SEVERE", "Exception", "SLF4J");

    @Test
    void aFreshStartSaysWhereKassaAndItsDataAreAndNothingElse(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        Path tenants = temp.resolve("tenants");
        Files.createDirectories(tenants.resolve("demo"));
        for (String file : List.of("tenant.json", "logo.svg")) {
            Files.copy(Path.of(System.getProperty("kassa.repo.dir", "../.."), "tenants", "demo", file),
                    tenants.resolve("demo").resolve(file));
        }

        try (KassaProcess kassa = KassaProcess.start(KassaProcess.env("KASSA_DATA_DIR", data.toString(),
                "KASSA_TENANTS_DIR", tenants.toString()))) {
            String ready = "Kassa is ready on http://localhost:" + kassa.port() + "/ with its data in " + data
                    + "; the credentials it printed are in " + data.resolve("credentials.txt");
            List<String> lines = awaitLine(kassa.log(), ready);

            for (String line : lines) {
                NOISE.forEach(word -> assertTrue(!line.contains(word), () -> "noise at start: " + line
                        + "\n" + String.join("\n", lines)));
                assertTrue(line.startsWith("KASSA ") || line.matches("\\S+ INFO dev\\.kassa\\.\\S+: .*"),
                        () -> "not Kassa's own line: " + line + "\n" + String.join("\n", lines));
            }
            assertEquals(1, lines.stream().filter(l -> l.startsWith("KASSA Operator token: kop_")).count());
            assertEquals(1, lines.stream().filter(l -> l.startsWith("KASSA Tenant 'demo' API key: ")).count());
            String demoCustomer = "KASSA Client area: http://demo.localhost:" + kassa.port()
                    + "/ (customer customer@demo.localhost, password ";
            List<String> customerLines = lines.stream().filter(l -> l.startsWith(demoCustomer)).toList();
            assertEquals(1, customerLines.size(), () -> String.join("\n", lines));
            assertTrue(customerLines.get(0).matches(".*, password [A-Za-z0-9_-]{20}\\)"), customerLines::toString);
            assertTrue(Files.readString(data.resolve("credentials.txt"))
                    .contains(customerLines.get(0).substring("KASSA ".length())), "kept in credentials.txt");
            try (Stream<Path> files = Files.list(data)) {
                List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
                assertTrue(names.stream().noneMatch(n -> n.endsWith(".trace.db")), names::toString);
            }
        }
    }

    /** The start log up to the ready line, which Kassa writes once its start is done. */
    private static List<String> awaitLine(Path log, String ready) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            List<String> lines = Files.readAllLines(log);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith(ready)) {
                    return lines.subList(0, i + 1);
                }
            }
            assertTrue(System.nanoTime() < deadline, () -> "no line ending in \"" + ready + "\" in:\n"
                    + String.join("\n", lines));
            Thread.sleep(200);
        }
    }
}
