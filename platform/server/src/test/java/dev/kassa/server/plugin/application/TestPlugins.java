package dev.kassa.server.plugin.application;

import dev.kassa.plugin.ecb.EcbRateSource;
import dev.kassa.testkit.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real plugin jars for tests of PF4J loading. The ECB plugin is a test dependency of the server
 * (never a dependency of its main code): its jar, or its classes outside a packaged build.
 */
public final class TestPlugins {
    private TestPlugins() {
    }

    /** The ECB plugin as an operator would install it: its jar, or one packed from its classes. */
    public static void installEcbPlugin(Path plugins) throws IOException {
        Path code = PluginJars.codeSource(EcbRateSource.class);
        Files.createDirectories(plugins);
        Path jar = plugins.resolve("ecb-rates.jar");
        if (Files.isRegularFile(code)) {
            Files.copy(code, jar);
        } else {
            PluginJars.pack(code, jar, "ecb-rates", "dev.kassa.plugin.ecb.EcbRatesPlugin", "0.1.0");
        }
    }
}
