package dev.kassa.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** PF4J plugin jars for tests: packed from compiled classes, with the manifest PF4J reads. */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * Packs every file under {@code classes} (but a manifest of its own) into {@code jar}, with
     * the {@code Plugin-Id}, {@code Plugin-Class} and {@code Plugin-Version} PF4J needs. Put a
     * {@code META-INF/extensions.idx} among the classes (the pf4j annotation processor writes one).
     */
    public static Path pack(Path classes, Path jar, String id, String pluginClass, String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Class", pluginClass);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Provider", "Kassa tests");
        main.putValue("Plugin-Requires", "*");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (!name.equals("META-INF/MANIFEST.MF")) {
                    zip.putNextEntry(new JarEntry(name));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
        }
        return jar;
    }

    /** Where a class was loaded from: a jar, or a module's {@code target/classes} directory. */
    public static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
