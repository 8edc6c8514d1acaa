package dev.kassa.server.plugin.application;

import dev.kassa.api.payment.PaymentMethod;
import dev.kassa.api.rates.RateSource;
import dev.kassa.api.statement.StatementReader;
import dev.kassa.api.theme.Theme;
import dev.kassa.api.theme.ThemeInfo;
import dev.kassa.server.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The plugins Kassa runs: every jar (or plugin directory) in {@code KASSA_PLUGINS_DIR}, loaded with
 * PF4J. Payment methods, rate sources, statement readers and themes come from these plugins only, never from the
 * application's own class path.
 *
 * <p>A plugin that fails to load, to start or to describe its methods is listed with its error and
 * harms nothing else. {@link #reload()} loads the directory afresh, so a jar dropped in (or
 * replaced) is picked up without a restart. Calls into plugin code go through {@link #call}, which
 * keeps a reload from unloading classes under a running call.
 */
@ApplicationScoped
public class PluginRegistry {
    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

    /** One loaded payment method and the plugin it came from. */
    public record LoadedMethod(String pluginId, String pluginVersion, PaymentMethod method,
                               dev.kassa.api.payment.MethodInfo info) {
        public boolean can(Class<?> ability) {
            return ability.isInstance(method);
        }

        public <T> T as(Class<T> ability) {
            return ability.cast(method);
        }
    }

    /** A plugin as the operator sees it. {@code state} is PF4J's, or FAILED with {@code error}. */
    public record PluginStatus(String id, String version, String state, List<String> methods, String error,
                               String file) { }

    /** A rate source and the id of the plugin it came from. */
    public record FoundRateSource(RateSource source, String pluginId) { }

    /** A bank-statement reader and the id of the plugin it came from. */
    public record FoundStatementReader(StatementReader reader, String pluginId) { }

    /** A theme, what it said it is, and the plugin it came from. */
    public record FoundTheme(Theme theme, ThemeInfo info, String pluginId, String pluginVersion) { }

    private record Snapshot(PluginManager manager, List<PluginStatus> plugins, Map<String, LoadedMethod> methods,
                            List<FoundRateSource> rateSources, List<FoundStatementReader> statementReaders,
                            List<FoundTheme> themes) {
        static final Snapshot EMPTY = new Snapshot(null, List.of(), Map.of(), List.of(), List.of(), List.of());
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Path pluginsDir;
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    protected PluginRegistry() {
    }

    @Inject
    public PluginRegistry(Settings settings) {
        this(settings.pluginsDir());
    }

    public PluginRegistry(Path pluginsDir) {
        this.pluginsDir = pluginsDir;
    }

    @PostConstruct
    public void start() {
        snapshot = load();
    }

    /** Loads the plugins directory afresh and unloads what was loaded before. */
    public List<PluginStatus> reload() {
        lock.writeLock().lock();
        try {
            Snapshot old = snapshot;
            snapshot = load();
            unload(old.manager());
            return snapshot.plugins();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @PreDestroy
    public void stop() {
        lock.writeLock().lock();
        try {
            unload(snapshot.manager());
            snapshot = Snapshot.EMPTY;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    public List<PluginStatus> plugins() {
        return snapshot.plugins();
    }

    public Optional<LoadedMethod> method(String code) {
        return Optional.ofNullable(snapshot.methods().get(code));
    }

    /** Every loaded payment method, by code. */
    public Collection<LoadedMethod> methods() {
        return snapshot.methods().values();
    }

    public List<FoundRateSource> rateSources() {
        return snapshot.rateSources();
    }

    /**
     * The started plugins' statement readers, by plugin id. The list is the same object until the
     * next {@link #reload()}.
     */
    public List<FoundStatementReader> statementReaders() {
        return snapshot.statementReaders();
    }

    /**
     * The themes of the loaded plugins, by plugin id, each theme id once. The list is the same
     * object until the next {@link #reload()}, so a cache of what was read from the themes may
     * keep it to know when to start afresh.
     */
    public List<FoundTheme> themes() {
        return snapshot.themes();
    }

    /** Runs plugin code; a reload waits until it is done. */
    public <T> T call(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private Snapshot load() {
        DirectoryPluginManager manager = new DirectoryPluginManager(pluginsDir);
        List<PluginStatus> statuses = new ArrayList<>();
        Map<String, LoadedMethod> methods = new LinkedHashMap<>();
        if (Files.isDirectory(pluginsDir)) {
            for (Path path : manager.pluginPaths()) {
                try {
                    manager.loadPlugin(path);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Plugin " + path.getFileName() + " failed to load", e);
                    statuses.add(new PluginStatus(path.getFileName().toString(), null, "FAILED", List.of(),
                            message(e), path.getFileName().toString()));
                }
            }
            manager.startPlugins();
        }
        // By id, so that which of two plugins offering the same method code wins does not depend on PF4J's order.
        for (PluginWrapper plugin : manager.getPlugins().stream()
                .sorted(java.util.Comparator.comparing(PluginWrapper::getPluginId)).toList()) {
            statuses.add(describe(manager, plugin, methods));
        }
        List<FoundRateSource> rateSources = new ArrayList<>();
        for (PluginWrapper plugin : manager.getStartedPlugins().stream()
                .sorted(java.util.Comparator.comparing(PluginWrapper::getPluginId)).toList()) {
            // By plugin id, as for payment methods: getExtensions(type) alone would add any extension
            // PF4J finds on the application's class path.
            try {
                for (RateSource source : manager.getExtensions(RateSource.class, plugin.getPluginId())) {
                    rateSources.add(new FoundRateSource(source, plugin.getPluginId()));
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "Plugin " + plugin.getPluginId() + " failed to list its rate sources", e);
            }
        }
        List<FoundStatementReader> statementReaders = new ArrayList<>();
        for (PluginWrapper plugin : manager.getStartedPlugins().stream()
                .sorted(java.util.Comparator.comparing(PluginWrapper::getPluginId)).toList()) {
            try {
                for (StatementReader reader : manager.getExtensions(StatementReader.class, plugin.getPluginId())) {
                    statementReaders.add(new FoundStatementReader(reader, plugin.getPluginId()));
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "Plugin " + plugin.getPluginId() + " failed to list its statement readers", e);
            }
        }
        List<FoundTheme> themes = themes(manager);
        LOG.info(() -> "Plugins from " + pluginsDir + ": " + statuses.stream()
                .map(s -> s.id() + " " + s.state() + (s.methods().isEmpty() ? "" : " " + s.methods())).toList());
        return new Snapshot(manager, List.copyOf(statuses), Map.copyOf(methods), List.copyOf(rateSources),
                List.copyOf(statementReaders), List.copyOf(themes));
    }

    /** The started plugins' themes; a theme whose id an earlier plugin (by id) already gave is left out. */
    private static List<FoundTheme> themes(PluginManager manager) {
        List<FoundTheme> themes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (PluginWrapper plugin : manager.getStartedPlugins().stream()
                .sorted(java.util.Comparator.comparing(PluginWrapper::getPluginId)).toList()) {
            try {
                for (Theme theme : manager.getExtensions(Theme.class, plugin.getPluginId())) {
                    ThemeInfo info = theme.info();
                    if (info == null) {
                        throw new IllegalStateException(theme.getClass().getName() + ".info() returned null");
                    }
                    if (!ids.add(info.id())) {
                        LOG.severe(() -> "Plugin " + plugin.getPluginId() + " provides theme '" + info.id()
                                + "', which another plugin provides already; it is left out");
                        continue;
                    }
                    themes.add(new FoundTheme(theme, info, plugin.getPluginId(), plugin.getDescriptor().getVersion()));
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "Plugin " + plugin.getPluginId() + " failed to list its themes", e);
            }
        }
        return themes;
    }

    /** PF4J's manager, letting us load the directory's plugins one by one to list those that fail. */
    private static final class DirectoryPluginManager extends DefaultPluginManager {
        DirectoryPluginManager(Path pluginsDir) {
            super(pluginsDir);
        }

        List<Path> pluginPaths() {
            return pluginRepository.getPluginPaths();
        }
    }

    private static PluginStatus describe(PluginManager manager, PluginWrapper plugin, Map<String, LoadedMethod> methods) {
        String id = plugin.getPluginId();
        String version = plugin.getDescriptor().getVersion();
        String file = plugin.getPluginPath() == null ? null : plugin.getPluginPath().getFileName().toString();
        if (plugin.getPluginState() != PluginState.STARTED) {
            Throwable failure = plugin.getFailedException();
            return new PluginStatus(id, version, plugin.getPluginState() == PluginState.FAILED || failure != null
                    ? "FAILED" : plugin.getPluginState().toString(), List.of(),
                    failure == null ? null : message(failure), file);
        }
        Map<String, LoadedMethod> mine = new LinkedHashMap<>();
        try {
            for (PaymentMethod method : manager.getExtensions(PaymentMethod.class, id)) {
                var info = method.info();
                if (info == null) {
                    throw new IllegalStateException(method.getClass().getName() + ".info() returned null");
                }
                if (methods.containsKey(info.code()) || mine.containsKey(info.code())) {
                    throw new IllegalStateException("method code '" + info.code() + "' is provided by another plugin");
                }
                mine.put(info.code(), new LoadedMethod(id, version, method, info));
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "Plugin " + id + " failed to describe its payment methods", e);
            return new PluginStatus(id, version, "FAILED", List.of(), message(e), file);
        }
        methods.putAll(mine);
        return new PluginStatus(id, version, "STARTED", List.copyOf(mine.keySet()), null, file);
    }

    /** Stops plugins one at a time: {@code stopPlugins()} of pf4j 3.15 can throw ConcurrentModificationException (pf4j/pf4j#656). */
    private static void unload(PluginManager manager) {
        if (manager == null) {
            return;
        }
        for (PluginWrapper plugin : List.copyOf(manager.getStartedPlugins())) {
            try {
                manager.stopPlugin(plugin.getPluginId());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Stopping plugin " + plugin.getPluginId() + " failed", e);
            }
        }
        Set<String> ids = new HashSet<>();
        manager.getPlugins().forEach(p -> ids.add(p.getPluginId()));
        for (String id : ids) {
            try {
                manager.unloadPlugin(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Unloading plugin " + id + " failed", e);
            }
        }
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !text.contains(root.getMessage())) {
            text += ": " + root.getMessage();
        }
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
