package dev.kassa.server.theme.domain;

import dev.kassa.api.theme.ThemeInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The installed themes that can be used: each with its chain (itself, its parent, the parent's
 * parent, down to a base theme) and the locales it provides. A theme whose chain is broken (a
 * parent that is not installed, or a loop) is left out, with a line in the log.
 */
public final class ThemeCatalog {
    /** Kassa's base theme, and the last resort of the theme choice. */
    public static final String BASE = "english";

    private static final Logger LOG = Logger.getLogger(ThemeCatalog.class.getName());

    /** A theme as the plugins declared it. */
    public record Declared(ThemeInfo info, String pluginId, String pluginVersion) { }

    /**
     * A usable theme.
     *
     * @param chain the theme ids to look in for a file or a text, this theme first and a base theme last
     * @param locales what the theme provides: its own, else its nearest ancestor's; the main one first
     */
    public record Entry(ThemeInfo info, List<String> chain, List<String> locales, String pluginId,
                        String pluginVersion) {
        public String id() {
            return info.id();
        }

        public String parent() {
            return info.parent();
        }

        public String mainLocale() {
            return locales.get(0);
        }

        public boolean provides(String locale) {
            return locales.contains(locale);
        }
    }

    private final Map<String, Entry> entries;

    private ThemeCatalog(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static ThemeCatalog of(Collection<Declared> declared) {
        Map<String, Declared> byId = new TreeMap<>();
        declared.forEach(d -> byId.putIfAbsent(d.info().id(), d));
        Map<String, Entry> entries = new TreeMap<>();
        for (Declared theme : byId.values()) {
            chain(theme, byId).ifPresent(chain -> {
                List<String> locales = chain.stream().map(id -> byId.get(id).info().locales())
                        .filter(l -> !l.isEmpty()).findFirst().orElseThrow();
                entries.put(theme.info().id(), new Entry(theme.info(), List.copyOf(chain), locales, theme.pluginId(),
                        theme.pluginVersion()));
            });
        }
        return new ThemeCatalog(entries);
    }

    private static Optional<List<String>> chain(Declared theme, Map<String, Declared> byId) {
        Set<String> chain = new LinkedHashSet<>();
        Declared at = theme;
        while (at != null) {
            if (!chain.add(at.info().id())) {
                LOG.severe(() -> "Theme " + theme.info().id() + " is left out: its parents loop " + chain);
                return Optional.empty();
            }
            String parent = at.info().parent();
            if (parent == null) {
                return Optional.of(new ArrayList<>(chain));
            }
            at = byId.get(parent);
            if (at == null) {
                LOG.severe(() -> "Theme " + theme.info().id() + " is left out: its parent theme " + parent
                        + " is not installed");
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public Optional<Entry> find(String id) {
        return Optional.ofNullable(id == null ? null : entries.get(id));
    }

    /** Every usable theme, by id. */
    public Collection<Entry> all() {
        return entries.values();
    }

    /** Whether some theme provides {@code locale}. */
    public boolean providesLocale(String locale) {
        return entries.values().stream().anyMatch(e -> e.provides(locale));
    }

    /**
     * The theme to use when nothing else applies: {@value #BASE}, else the first base theme by id.
     *
     * @throws IllegalStateException when no theme is installed at all
     */
    public Entry fallback() {
        return find(BASE).or(() -> entries.values().stream().filter(e -> e.parent() == null).findFirst())
                .orElseThrow(() -> new IllegalStateException("No theme is installed: put english.jar into the"
                        + " plugins directory"));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
