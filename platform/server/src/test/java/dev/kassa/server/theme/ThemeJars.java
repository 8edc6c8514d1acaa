package dev.kassa.server.theme;

import dev.kassa.api.theme.Theme;
import dev.kassa.testkit.PluginJars;
import dev.kassa.theme.english.EnglishTheme;
import dev.kassa.theme.french.FrenchTheme;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Theme plugin jars for tests: the shipped ones (test dependencies of the server, never on its
 * main class path) as the launcher installs them, and small child themes built here from source
 * against the plugin API only, as a tenant's developer would build one.
 */
public final class ThemeJars {
    /** The plugin class every theme jar names: the platform's own. */
    public static final String PLUGIN_CLASS = "dev.kassa.api.theme.ThemePlugin";

    private ThemeJars() {
    }

    /** {@code english.jar} and {@code french.jar} into {@code plugins}. */
    public static void installShipped(Path plugins) throws IOException {
        install(plugins, EnglishTheme.class, "english");
        install(plugins, FrenchTheme.class, "french");
    }

    private static void install(Path plugins, Class<? extends Theme> theme, String id) throws IOException {
        Path code = PluginJars.codeSource(theme);
        Files.createDirectories(plugins);
        Path jar = plugins.resolve(id + ".jar");
        if (Files.isRegularFile(code)) {
            Files.copy(code, jar);
        } else {
            PluginJars.pack(code, jar, id, PLUGIN_CLASS, "0.1.0");
        }
    }

    /**
     * A child theme's jar: one class extending {@code BundledTheme}, and {@code files} (paths below
     * {@code theme/<id>/}, UTF-8 contents).
     *
     * @param work a scratch directory of the caller's
     * @param version the jar's {@code Plugin-Version}
     */
    public static Path child(Path work, String id, String parent, String version, Map<String, String> files)
            throws IOException {
        Path build = Files.createTempDirectory(work, id);
        String className = "Theme" + Math.abs(id.hashCode());
        Path src = build.resolve("src/it/themes/" + className + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package it.themes;
                @org.pf4j.Extension
                public class %s extends dev.kassa.api.theme.BundledTheme {
                    public %s() {
                        super(dev.kassa.api.theme.ThemeInfo.child("%s", "%s"));
                    }
                }
                """.formatted(className, className, id, parent));
        Path classes = build.resolve("classes");
        Files.createDirectories(classes);
        String classpath = PluginJars.codeSource(Theme.class) + File.pathSeparator
                + PluginJars.codeSource(org.pf4j.Plugin.class);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-proc:none", "-classpath", classpath, "-d", classes.toString(),
                src.toString());
        if (status != 0) {
            throw new IllegalStateException("the child theme does not compile");
        }
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/extensions.idx"), "it.themes." + className + "\n");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = classes.resolve("theme/" + id + "/" + file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        return PluginJars.pack(classes, build.resolve(id + ".jar"), id, PLUGIN_CLASS, version);
    }
}
