package dev.kassa.plugin.ecb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kassa.api.rates.RateSource;
import dev.kassa.api.rates.RateTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import dev.kassa.testkit.Fixtures;
import dev.kassa.testkit.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Packs the compiled classes into a plugin jar, as the build does, and loads it with PF4J: the
 * extension index must name the rate source, and the manifest properties of the pom must name
 * the plugin class. The API stays outside the jar, as it is {@code provided}.
 */
class EcbRatesPluginTest {
    @TempDir
    Path plugins;

    @Test
    void pf4jFindsTheRateSourceInThePluginJar() throws IOException {
        String pluginId = System.getProperty("kassa.plugin.id", "ecb-rates");
        String pluginClass = System.getProperty("kassa.plugin.class", EcbRatesPlugin.class.getName());
        Path classes = PluginJars.codeSource(EcbRateSource.class);
        PluginJars.pack(classes, plugins.resolve(pluginId + ".jar"), pluginId, pluginClass, "0.1.0");

        PluginManager manager = new JarPluginManager(plugins);
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
}
