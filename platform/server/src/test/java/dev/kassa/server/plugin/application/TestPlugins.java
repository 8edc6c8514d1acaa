package dev.kassa.server.plugin.application;

import dev.kassa.plugin.bankstatements.CamtStatementReader;
import dev.kassa.plugin.ecb.EcbRateSource;
import dev.kassa.testkit.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real plugin jars for tests of PF4J loading. The ECB and bank-statements plugins are test
 * dependencies of the server (never dependencies of its main code): their jars, or their classes
 * outside a packaged build.
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

    /** The bank-statements plugin as an operator would install it: its (shaded) jar, or one packed from its classes. */
    public static void installBankStatementsPlugin(Path plugins) throws IOException {
        Path code = PluginJars.codeSource(CamtStatementReader.class);
        Files.createDirectories(plugins);
        Path jar = plugins.resolve("bank-statements.jar");
        if (Files.isRegularFile(code)) {
            Files.copy(code, jar);
        } else {
            PluginJars.pack(code, jar, "bank-statements", "dev.kassa.plugin.bankstatements.BankStatementsPlugin",
                    "0.1.0");
        }
    }
}
