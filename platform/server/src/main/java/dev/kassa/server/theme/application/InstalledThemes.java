package dev.kassa.server.theme.application;

import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.plugin.application.PluginRegistry.FoundTheme;
import dev.kassa.server.theme.domain.ThemeCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The themes of the loaded plugins, and what was read from them: files, message bundles, and
 * whatever else a user of the themes keeps beside them ({@link Generation#memo}, such as parsed
 * templates). All of it is dropped when the plugins are reloaded: the next use starts afresh from
 * the new jars. Work with the themes goes through {@link #read}, which holds off a reload until
 * it is done, so no file is read from a plugin being unloaded.
 */
@ApplicationScoped
public class InstalledThemes {
    private static final Pattern PARAMETER = Pattern.compile("\\{\\d");

    private PluginRegistry registry;
    private volatile Generation generation;

    protected InstalledThemes() {
    }

    @Inject
    public InstalledThemes(PluginRegistry registry) {
        this.registry = registry;
    }

    /** Runs {@code work} on the themes loaded now; a reload of the plugins waits until it is done. */
    public <T> T read(Function<Generation, T> work) {
        return registry.call(() -> work.apply(current()));
    }

    /** The usable themes now. */
    public ThemeCatalog catalog() {
        return read(Generation::catalog);
    }

    private Generation current() {
        List<FoundTheme> found = registry.themes();
        Generation now = generation;
        if (now == null || now.source != found) {
            now = new Generation(found);
            generation = now;
        }
        return now;
    }

    /** The themes of one load of the plugins, and what was read from them. */
    public static final class Generation {
        private final List<FoundTheme> source;
        private final ThemeCatalog catalog;
        private final Map<String, FoundTheme> byId = new HashMap<>();
        private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();
        private final Map<String, Map<String, String>> bundles = new ConcurrentHashMap<>();
        private final Map<String, Map<String, String>> texts = new ConcurrentHashMap<>();
        private final Map<Object, Object> memos = new ConcurrentHashMap<>();
        private volatile Map<String, Boolean> keys;

        Generation(List<FoundTheme> source) {
            this.source = source;
            source.forEach(t -> byId.put(t.info().id(), t));
            this.catalog = ThemeCatalog.of(source.stream()
                    .map(t -> new ThemeCatalog.Declared(t.info(), t.pluginId(), t.pluginVersion())).toList());
        }

        public ThemeCatalog catalog() {
            return catalog;
        }

        /**
         * A file of the theme, or of the first theme of its chain that has it: {@code templates/sign-in.html},
         * {@code static/theme.css}. Read once per load of the plugins.
         */
        public Optional<byte[]> file(String themeId, String path) {
            ThemeCatalog.Entry theme = catalog.find(themeId).orElse(null);
            if (theme == null) {
                return Optional.empty();
            }
            for (String id : theme.chain()) {
                Optional<byte[]> own = own(id, path);
                if (own.isPresent()) {
                    return own;
                }
            }
            return Optional.empty();
        }

        /**
         * Every text of the theme in {@code locale}, by key: the theme's own before its parent's; the
         * exact locale before its language ({@code fr-CA}, then {@code fr}); and for a key no bundle of
         * that language has, the text in the main locale of the chain's base theme.
         */
        public Map<String, String> texts(String themeId, String locale) {
            return texts.computeIfAbsent(themeId + "|" + locale, k -> {
                ThemeCatalog.Entry theme = catalog.find(themeId).orElseThrow(() ->
                        new IllegalArgumentException("no theme " + themeId));
                List<String> reversed = new ArrayList<>(theme.chain());
                Collections.reverse(reversed);
                String root = catalog.find(reversed.get(0)).orElseThrow().mainLocale();
                String language = Locale.forLanguageTag(locale).getLanguage();
                Map<String, String> out = new HashMap<>();
                for (String tag : new String[] {root, language, locale}) {
                    reversed.forEach(id -> out.putAll(bundle(id, tag)));
                }
                return Collections.unmodifiableMap(out);
            });
        }

        /** Every key some installed theme has a text for, in any locale. */
        public Set<String> knownKeys() {
            return Collections.unmodifiableSet(new TreeSet<>(keys().keySet()));
        }

        /**
         * Whether the key's texts take parameters ({@code {0}}): a text given for it is then a
         * {@link java.text.MessageFormat} pattern.
         */
        public boolean takesParameters(String key) {
            return keys().getOrDefault(key, false);
        }

        /** A value kept beside these themes until the plugins are reloaded, made once. */
        @SuppressWarnings("unchecked")
        public <T> T memo(Object key, Supplier<T> make) {
            return (T) memos.computeIfAbsent(key, k -> make.get());
        }

        private Map<String, Boolean> keys() {
            Map<String, Boolean> known = keys;
            if (known == null) {
                known = new HashMap<>();
                for (ThemeCatalog.Entry theme : catalog.all()) {
                    String root = catalog.find(theme.chain().get(theme.chain().size() - 1)).orElseThrow().mainLocale();
                    Set<String> tags = new TreeSet<>(theme.locales());
                    tags.add(root);
                    for (String tag : tags) {
                        for (Map.Entry<String, String> text : bundle(theme.id(), tag).entrySet()) {
                            known.merge(text.getKey(), PARAMETER.matcher(text.getValue()).find(), Boolean::logicalOr);
                        }
                    }
                }
                keys = known;
            }
            return known;
        }

        /** The theme's own bundle for exactly {@code tag}: {@code messages/<tag>.properties}, read as UTF-8. */
        private Map<String, String> bundle(String themeId, String tag) {
            return bundles.computeIfAbsent(themeId + "|" + tag, k -> own(themeId, "messages/" + tag + ".properties")
                    .map(bytes -> {
                        Properties properties = new Properties();
                        try {
                            properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        Map<String, String> texts = new HashMap<>();
                        properties.stringPropertyNames().forEach(name -> texts.put(name, properties.getProperty(name)));
                        return Collections.unmodifiableMap(texts);
                    }).orElse(Map.of()));
        }

        private Optional<byte[]> own(String themeId, String path) {
            return files.computeIfAbsent(themeId + "|" + path, k -> {
                FoundTheme theme = byId.get(themeId);
                Optional<URL> url = theme == null ? Optional.empty() : theme.theme().resource(path);
                return url.map(Generation::bytes);
            });
        }

        private static byte[] bytes(URL url) {
            try {
                URLConnection connection = url.openConnection();
                // No cached JarFile: it would keep the jar open after its plugin is unloaded.
                connection.setUseCaches(false);
                try (InputStream in = connection.getInputStream()) {
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + url, e);
            }
        }
    }
}
