package dev.kassa.plugin.bankstatements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.statement.StatementEntry;
import dev.kassa.api.statement.StatementReader;
import dev.kassa.api.statement.StatementSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Loads the plugin jar the build ships (shaded before the tests run, see the pom) with PF4J, as
 * the server does, and reads a camt.053 and an MT940 file through the loaded extensions: the
 * manifest, the extension index and the bundled Prowide must all work from inside the jar, while
 * the platform API and pf4j stay outside it.
 */
class BankStatementsPluginJarTest {
    @TempDir
    Path plugins;

    @Test
    void theJarBundlesProwideButNotThePlatform() throws IOException {
        try (JarFile jar = new JarFile(builtJar().toFile())) {
            assertNotNull(jar.getEntry("META-INF/extensions.idx"), "extension index");
            assertNotNull(jar.getEntry("com/prowidesoftware/swift/model/field/Field61.class"), "Prowide");
            assertNotNull(jar.getEntry("org/apache/commons/lang3/StringUtils.class"), "what Prowide needs");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("dev/kassa/api/")), "the platform API");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/pf4j/")), "pf4j");
            assertEquals("bank-statements", jar.getManifest().getMainAttributes().getValue("Plugin-Id"));
            assertEquals(BankStatementsPlugin.class.getName(),
                    jar.getManifest().getMainAttributes().getValue("Plugin-Class"));
        }
    }

    @Test
    void pf4jLoadsBothReadersAndTheyReadFromInsideTheJar() throws IOException {
        String pluginId = System.getProperty("kassa.plugin.id", "bank-statements");
        Files.copy(builtJar(), plugins.resolve(pluginId + ".jar"));
        PluginManager manager = new DefaultPluginManager(plugins);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            PluginWrapper plugin = manager.getPlugin(pluginId);
            assertNotNull(plugin, "plugin not loaded");
            assertEquals(BankStatementsPlugin.class.getName(), plugin.getPlugin().getClass().getName());

            // by plugin id: the test class path holds the same classes, and PF4J finds those too
            Map<String, StatementReader> readers = new TreeMap<>();
            for (StatementReader reader : manager.getExtensions(StatementReader.class, pluginId)) {
                assertSame(plugin.getPluginClassLoader(), reader.getClass().getClassLoader());
                assertSame(StatementReader.class, reader.getClass().getInterfaces()[0], "one copy of the API");
                readers.put(reader.id(), reader);
            }
            assertEquals(List.of("camt", "mt940"), List.copyOf(readers.keySet()));

            List<StatementEntry> entries = new ArrayList<>();
            StatementSummary camt = read(readers.get("camt"), "camt053.001.08_rf_reference_example.xml", entries);
            assertEquals("camt.053", camt.format());
            assertEquals("001.08", camt.version());
            assertEquals(camt.entries(), entries.size());

            entries.clear();
            StatementSummary mt940 = read(readers.get("mt940"), "betterplace_sepa_snippet.sta", entries);
            assertEquals("mt940", mt940.format());
            assertEquals(11, entries.size());
            assertSame(plugin.getPluginClassLoader(), Class.forName("com.prowidesoftware.swift.model.field.Field61",
                    false, plugin.getPluginClassLoader()).getClassLoader(), "Prowide from the plugin jar");
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        } finally {
            // not stopPlugins(): in pf4j 3.15.0 it throws ConcurrentModificationException (pf4j/pf4j#656)
            List.copyOf(manager.getStartedPlugins()).forEach(p -> manager.stopPlugin(p.getPluginId()));
            manager.unloadPlugins();
        }
    }

    private StatementSummary read(StatementReader reader, String fixture, List<StatementEntry> entries)
            throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/statements/" + fixture)) {
            byte[] head = in.readNBytes(StatementReader.HEAD_BYTES);
            assertTrue(reader.recognises(head), fixture);
        }
        try (InputStream in = getClass().getResourceAsStream("/statements/" + fixture)) {
            return reader.read(in, entries::add);
        }
    }

    /** The jar {@code mvn} built and shaded in {@code process-test-classes}. */
    private static Path builtJar() {
        String jar = System.getProperty("kassa.plugin.jar");
        assertNotNull(jar, "run through Maven: -Dkassa.plugin.jar names the built plugin jar");
        Path path = Path.of(jar);
        assertTrue(Files.isRegularFile(path), "no plugin jar at " + path);
        return path;
    }
}
