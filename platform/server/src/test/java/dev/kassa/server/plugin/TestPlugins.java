package dev.kassa.server.plugin;

import dev.kassa.plugin.ecb.EcbRateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Real plugin jars for tests of PF4J loading. */
public final class TestPlugins {
    private TestPlugins() {
    }

    /** The ECB plugin as an operator would install it: its jar, or one packed from its classes. */
    public static void installEcbPlugin(Path plugins) throws IOException {
        Path code = codeSource(EcbRateSource.class);
        Path jar = plugins.resolve("ecb-rates.jar");
        if (Files.isRegularFile(code)) {
            Files.copy(code, jar);
            return;
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", "ecb-rates");
        main.putValue("Plugin-Class", "dev.kassa.plugin.ecb.EcbRatesPlugin");
        main.putValue("Plugin-Version", "0.1.0");
        main.putValue("Plugin-Requires", "*");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(code)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String name = code.relativize(file).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                zip.putNextEntry(new JarEntry(name));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
