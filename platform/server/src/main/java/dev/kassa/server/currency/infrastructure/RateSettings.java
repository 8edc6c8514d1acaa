package dev.kassa.server.currency.infrastructure;

import dev.kassa.server.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The operator settings of exchange rates (MicroProfile Config: environment variable or {@code -D}
 * of the same name). Read at each use, so none is cached here.
 */
@ApplicationScoped
public class RateSettings {
    public static final String ECB_URL = "KASSA_RATES_ECB_URL";
    public static final String FILE = "KASSA_RATES_FILE";
    public static final String MAX_AGE_DAYS = "KASSA_RATES_MAX_AGE_DAYS";
    public static final String PLUGINS_DIR = "KASSA_PLUGINS_DIR";
    /** ECB reference rates are published on TARGET working days: Friday's are 3 days old on Monday. */
    public static final int DEFAULT_MAX_AGE_DAYS = 4;
    /** The source Kassa quotes with. */
    public static final String DEFAULT_SOURCE = "ecb";

    private static final Logger LOG = Logger.getLogger(RateSettings.class.getName());

    private Settings settings;

    protected RateSettings() {
    }

    @Inject
    public RateSettings(Settings settings) {
        this.settings = settings;
    }

    public String defaultSource() {
        return DEFAULT_SOURCE;
    }

    /** {@value #MAX_AGE_DAYS}; an unreadable value is logged and the (strict) default used. */
    public int maxAgeDays() {
        return parseMaxAgeDays(settings.string(MAX_AGE_DAYS));
    }

    /**
     * {@value #ECB_URL}: where to fetch ECB rates from; empty (no fetching) when unset.
     *
     * @throws IllegalArgumentException if it is set but not an absolute http or https URL
     */
    public Optional<URI> ecbUrl() {
        return settings.string(ECB_URL).map(RateSettings::parseUrl);
    }

    /** {@value #FILE}: a rates document to import at start. */
    public Optional<Path> ratesFile() {
        return settings.string(FILE).map(Path::of).map(p -> p.toAbsolutePath().normalize());
    }

    /** {@value #PLUGINS_DIR}, by default {@code <KASSA_DATA_DIR>/plugins}; it need not exist. */
    public Path pluginsDir() {
        return settings.string(PLUGINS_DIR).map(Path::of).map(p -> p.toAbsolutePath().normalize())
                .orElseGet(() -> settings.dataDir().resolve("plugins"));
    }

    static int parseMaxAgeDays(Optional<String> value) {
        if (value.isEmpty()) {
            return DEFAULT_MAX_AGE_DAYS;
        }
        try {
            int days = Integer.parseInt(value.get().strip());
            if (days >= 0 && days <= 3650) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warning(() -> MAX_AGE_DAYS + "='" + value.get() + "' is not a number of days from 0 to 3650; using "
                + DEFAULT_MAX_AGE_DAYS);
        return DEFAULT_MAX_AGE_DAYS;
    }

    static URI parseUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ECB_URL + " is not a URL: " + value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(ECB_URL + " must be an http or https URL, not: " + value);
        }
        return uri;
    }
}
