package dev.kassa.server.currency.infrastructure;

import dev.kassa.api.rates.RateSource;
import dev.kassa.api.rates.RateTable;
import dev.kassa.server.currency.application.RateDocuments;
import dev.kassa.server.plugin.application.PluginRegistry;
import dev.kassa.server.shared.KassaException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@link RateSource}s Kassa knows: the extensions of the plugins in {@code KASSA_PLUGINS_DIR},
 * found by PF4J through the {@link PluginRegistry}. The ECB source is such a plugin
 * ({@code ecb-rates.jar}, installed by the launcher like the payment plugins); nothing is built in.
 * With no rate source installed, Kassa runs on the rates already stored and says so at start.
 */
@ApplicationScoped
public class RateSources implements RateDocuments {
    private static final Logger LOG = Logger.getLogger(RateSources.class.getName());
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** A source and where it came from: "plugin &lt;id&gt;". */
    public record Found(RateSource source, String origin) { }

    private PluginRegistry registry;
    private boolean ownsRegistry;
    private Map<String, Found> byId = Map.of();
    private List<PluginRegistry.FoundRateSource> builtFrom;

    protected RateSources() {
    }

    @Inject
    public RateSources(PluginRegistry registry) {
        this.registry = registry;
    }

    /** Sources from a plugins directory of their own (tests). */
    RateSources(Path pluginsDir) {
        this.registry = new PluginRegistry(pluginsDir);
        this.ownsRegistry = true;
    }

    @PostConstruct
    void start() {
        if (ownsRegistry) {
            registry.start();
        }
        if (byId().isEmpty()) {
            LOG.warning(() -> "No exchange-rate source is installed (plugins directory " + registry.pluginsDir()
                    + "): rates can be neither uploaded nor fetched until a rate-source plugin such as ecb-rates.jar"
                    + " is put there and the plugins are reloaded; rates already stored are still used");
        } else {
            LOG.info(() -> "Exchange-rate sources: " + describe() + " (plugins directory " + registry.pluginsDir()
                    + ")");
        }
    }

    @PreDestroy
    void stop() {
        if (ownsRegistry) {
            registry.stop();
        }
    }

    /** The sources of the registry's current plugins; rebuilt after a reload. */
    private synchronized Map<String, Found> byId() {
        List<PluginRegistry.FoundRateSource> current = registry.rateSources();
        if (current == builtFrom) {
            return byId;
        }
        Map<String, Found> found = new TreeMap<>();
        for (PluginRegistry.FoundRateSource source : current) {
            add(found, source.source(), "plugin " + source.pluginId());
        }
        byId = Collections.unmodifiableMap(found);
        builtFrom = current;
        return byId;
    }

    private static void add(Map<String, Found> found, RateSource source, String origin) {
        String id;
        try {
            id = source.id();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Rate source " + source.getClass().getName() + " from " + origin
                    + " failed to name itself; ignored", e);
            return;
        }
        if (id == null || !ID.matcher(id).matches()) {
            LOG.severe(() -> "Rate source " + source.getClass().getName() + " from " + origin + " has the invalid id '"
                    + id + "' (lower-case letters, digits, dashes; at most 40); ignored");
            return;
        }
        Found existing = found.get(id);
        if (existing == null) {
            found.put(id, new Found(source, origin));
        } else {
            LOG.warning(() -> "Rate source '" + id + "' from " + origin + " ignored: " + existing.origin()
                    + " provides it already");
        }
    }

    public Optional<RateSource> find(String id) {
        return Optional.ofNullable(byId().get(id)).map(Found::source);
    }

    /** Every known source by id, with where it came from. */
    public Map<String, Found> all() {
        return byId();
    }

    /** "ecb (plugin ecb-rates), other (plugin other-rates)"; empty when none is installed. */
    public String describe() {
        return byId().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().origin() + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Reads a rates document with the source of that id.
     *
     * @throws KassaException 422 {@code rates.source_unknown} for an unknown source, 422
     *     {@code rates.malformed} with the source's own message when it refuses the document
     */
    @Override
    public List<RateTable> parse(String sourceId, InputStream document) {
        RateSource source = find(sourceId).orElseThrow(() -> KassaException.unprocessable("rates.source_unknown",
                "Unknown rate source", "There is no exchange-rate source '" + sourceId + "'; " + (byId().isEmpty()
                        ? "none is installed: put a rate-source plugin such as ecb-rates.jar into the plugins"
                                + " directory and reload the plugins."
                        : "known: " + String.join(", ", byId().keySet()) + ".")));
        List<RateTable> tables;
        try {
            tables = source.parse(document);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "The document is not a rates document of " + sourceId + "."
                    : e.getMessage();
            throw KassaException.unprocessable("rates.malformed", "Malformed rates document",
                    message.length() > 1000 ? message.substring(0, 1000) + "…" : message);
        }
        if (tables == null || tables.isEmpty()) {
            throw KassaException.unprocessable("rates.malformed", "Malformed rates document",
                    "The document holds no rates.");
        }
        return tables;
    }
}
