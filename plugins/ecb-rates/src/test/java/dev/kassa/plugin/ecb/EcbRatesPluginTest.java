package dev.kassa.plugin.ecb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kassa.api.rates.RateSource;
import dev.kassa.api.rates.RateTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import dev.kassa.testkit.Fixtures;
import dev.kassa.testkit.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Loads the plugin jar the build made (before the tests, see the pom) with the plugin manager the
 * server uses, as the server loads it from its plugins directory: the extension index must name
 * the rate source, and the manifest entries the plugins parent pom writes must name the plugin.
 * The API stays outside the jar, as it is {@code provided}. Outside Maven (no
 * {@code kassa.plugin.jar}), the compiled classes are packed into a jar with the same manifest.
 */
class EcbRatesPluginTest {
    @TempDir
    Path plugins;

    @Test
    void pf4jFindsTheRateSourceInThePluginJar() throws IOException {
        String pluginId = System.getProperty("kassa.plugin.id", "ecb-rates");
        String pluginClass = System.getProperty("kassa.plugin.class", EcbRatesPlugin.class.getName());
        Path jar = plugins.resolve(pluginId + ".jar");
        String built = System.getProperty("kassa.plugin.jar");
        if (built != null) {
            Files.copy(Path.of(built), jar);
        } else {
            PluginJars.pack(PluginJars.codeSource(EcbRateSource.class), jar, pluginId, pluginClass, "0.1.0");
        }
        assertFalse(containsApi(jar), "the plugin jar must not carry the platform API");

        PluginManager manager = new DefaultPluginManager(plugins);
        try {
            manager.loadPlugins();
            manager.startPlugins();

            PluginWrapper plugin = manager.getPlugin(pluginId);
            assertNotNull(plugin, "plugin not loaded");
            assertEquals(EcbRatesPlugin.class.getName(), plugin.getPlugin().getClass().getName());
            // by plugin id: the test class path holds the same classes, and PF4J finds those too
            List<RateSource> sources = manager.getExtensions(RateSource.class, pluginId);
            assertEquals(1, sources.size());
            RateSource ecb = sources.get(0);
            assertSame(plugin.getPluginClassLoader(), ecb.getClass().getClassLoader());
            assertEquals("ecb", ecb.id());
            try (InputStream in = Fixtures.open("ecb/eurofxref-daily_2025-04-03.xml")) {
                RateTable day = ecb.parse(in).get(0);
                assertEquals("1.1097", day.perEuro().get("USD").toPlainString());
            }
        } finally {
            // not stopPlugins(): in pf4j 3.15.0 it throws ConcurrentModificationException (pf4j/pf4j#656)
            List.copyOf(manager.getStartedPlugins()).forEach(p -> manager.stopPlugin(p.getPluginId()));
            manager.unloadPlugins();
        }
    }

    private static boolean containsApi(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(e -> e.getName().startsWith("dev/kassa/api/"));
        }
    }
}
