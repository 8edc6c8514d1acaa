package dev.kassa.server.plugin.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PF4J loading as the operator sees it: what loaded, what failed and why, and reloads. */
class PluginRegistryTest {
    @TempDir
    Path dir;

    @Test
    void aJarThatFailsIsListedWithItsErrorAndHarmsNothingElse() throws IOException {
        TestPlugins.installEcbPlugin(dir);
        Files.writeString(dir.resolve("garbage.jar"), "this is not a jar");
        PluginRegistry registry = new PluginRegistry(dir);
        registry.start();
        try {
            List<PluginRegistry.PluginStatus> plugins = registry.plugins();
            PluginRegistry.PluginStatus garbage = find(plugins, "garbage.jar");
            assertEquals("FAILED", garbage.state());
            assertFalse(garbage.error().isBlank());
            PluginRegistry.PluginStatus ecb = find(plugins, "ecb-rates");
            assertEquals("STARTED", ecb.state());
            assertEquals(List.of(), ecb.methods(), "a rate source is no payment method");
            assertEquals(List.of("ecb-rates"), registry.rateSources().stream()
                    .map(PluginRegistry.FoundRateSource::pluginId).toList());
            assertTrue(registry.methods().isEmpty());
        } finally {
            registry.stop();
        }
    }

    @Test
    void aReloadPicksUpWhatWasDroppedInAndForgetsWhatWasRemoved() throws IOException {
        PluginRegistry registry = new PluginRegistry(dir);
        registry.start();
        try {
            assertTrue(registry.plugins().isEmpty());
            TestPlugins.installEcbPlugin(dir);
            assertEquals("STARTED", find(registry.reload(), "ecb-rates").state());
            Files.delete(dir.resolve("ecb-rates.jar"));
            assertTrue(registry.reload().isEmpty());
            assertEquals(List.of(), registry.rateSources(), "the ECB classes on the class path are no rate source");
        } finally {
            registry.stop();
        }
    }

    @Test
    void aMissingDirectoryIsNoPluginsAtAll() {
        PluginRegistry registry = new PluginRegistry(dir.resolve("missing"));
        registry.start();
        assertTrue(registry.plugins().isEmpty());
        assertEquals(registry.call(() -> 42), 42);
        registry.stop();
    }

    private static PluginRegistry.PluginStatus find(List<PluginRegistry.PluginStatus> plugins, String id) {
        return plugins.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + plugins));
    }
}
