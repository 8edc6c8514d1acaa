package dev.kassa.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every operator setting, read once through MicroProfile Config (an environment variable of the
 * same name, or a system property such as {@code -DKASSA_DATA_DIR=...}), typed and checked as a
 * whole when the server starts ({@link dev.kassa.server.startup.Startup} reads this bean first).
 * An invalid value is never replaced by a default: it stops the start with one line naming the
 * setting, the value and what is allowed. An empty value counts as unset. Per-tenant settings live
 * in the database, never here.
 */
@ApplicationScoped
public class Settings {
    public static final String DATA_DIR = "KASSA_DATA_DIR";
    public static final String TENANTS_DIR = "KASSA_TENANTS_DIR";
    public static final String OPERATOR_TOKEN = "KASSA_OPERATOR_TOKEN";
    public static final String DB_URL = "KASSA_DB_URL";
    public static final String DB_USER = "KASSA_DB_USER";
    public static final String DB_PASSWORD = "KASSA_DB_PASSWORD";
    public static final String PLUGINS_DIR = "KASSA_PLUGINS_DIR";
    public static final String MASTER_KEY = "KASSA_MASTER_KEY";
    public static final String JANITOR_INTERVAL = "KASSA_JANITOR_INTERVAL";
    public static final String QUOTE_TTL = "KASSA_QUOTE_TTL";
    public static final String RATES_ECB_URL = "KASSA_RATES_ECB_URL";
    public static final String RATES_FILE = "KASSA_RATES_FILE";
    public static final String RATES_MAX_AGE_DAYS = "KASSA_RATES_MAX_AGE_DAYS";
    public static final String RATES_SOURCE = "KASSA_RATES_SOURCE";
    public static final String ALLOW_INSECURE_GATEWAYS = "KASSA_ALLOW_INSECURE_GATEWAYS";
    public static final String MAX_BODY_BYTES = "KASSA_MAX_BODY_BYTES";
    public static final String SMTP_HOST = "KASSA_SMTP_HOST";
    public static final String SMTP_PORT = "KASSA_SMTP_PORT";
    public static final String SMTP_USER = "KASSA_SMTP_USER";
    public static final String SMTP_PASSWORD = "KASSA_SMTP_PASSWORD";
    public static final String SMTP_STARTTLS = "KASSA_SMTP_STARTTLS";
    public static final String MAIL_FROM = "KASSA_MAIL_FROM";
    public static final String MAIL_INTERVAL = "KASSA_MAIL_INTERVAL";
    public static final String WEBHOOKS_INTERVAL = "KASSA_WEBHOOKS_INTERVAL";
    public static final String DOCUMENTS_INTERVAL = "KASSA_DOCUMENTS_INTERVAL";
    public static final String WEBHOOKS_ALLOW_INSECURE = "KASSA_WEBHOOKS_ALLOW_INSECURE";
    public static final String BILLING_INTERVAL = "KASSA_BILLING_INTERVAL";
    public static final String VIES_URL = "KASSA_VIES_URL";
    public static final String VIES_INTERVAL = "KASSA_VIES_INTERVAL";
    public static final String VIES_RETRY = "KASSA_VIES_RETRY";
    /** The European Commission's VIES REST API. */
    public static final URI DEFAULT_VIES_URL = URI.create("https://ec.europa.eu/taxation_customs/vies/rest-api");
    public static final String MAX_STATEMENT_BYTES = "KASSA_MAX_STATEMENT_BYTES";
    public static final String BILLING_THREADS = "KASSA_BILLING_THREADS";
    public static final String BILLING_BATCH = "KASSA_BILLING_BATCH";
    public static final String TRUST_PROXY = "KASSA_TRUST_PROXY";
    public static final String CLIENT_AREA_SCHEME = "KASSA_CLIENT_AREA_SCHEME";
    public static final String CLIENT_AREA_PORT = "KASSA_CLIENT_AREA_PORT";
    /** {@code KASSA_PLUGINS_<PLUGIN>_<NAME>}: operator settings handed to one plugin. */
    public static final String PLUGIN_PREFIX = "KASSA_PLUGINS_";

    static final int MIN_OPERATOR_TOKEN_LENGTH = 32;
    static final long MAX_BODY_BYTES_LIMIT = 64L * 1024 * 1024;

    /** Read by the launcher only ({@code ./kassa}); the server accepts them without a warning. */
    private static final Set<String> LAUNCHER_ONLY = Set.of("KASSA_HTTP_PORT", "KASSA_JAVA_OPTS",
            "KASSA_BENCH_JAVA_OPTS");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    /** The id of the ECB plugin's source, which the launcher installs. */
    static final String DEFAULT_RATES_SOURCE = "ecb";
    /** What {@link dev.kassa.api.rates.RateSource#id()} allows. */
    private static final Pattern RATE_SOURCE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** A host name or an IP address: no scheme, no port, no path. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.:-]{0,251}[A-Za-z0-9])?");
    /** A plain address, {@code local@domain}, without a display name or angle brackets. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private Path dataDir;
    private Optional<Path> tenantsDir;
    private Optional<String> operatorToken;
    private String databaseUrl;
    private Path pluginsDir;
    private Optional<byte[]> masterKey;
    private Duration janitorInterval;
    private Duration quoteTtl;
    private Optional<URI> ratesEcbUrl;
    private Optional<Path> ratesFile;
    private int ratesMaxAgeDays;
    private String ratesSource;
    private boolean allowInsecureGateways;
    private boolean trustProxy;
    private long maxBodyBytes;
    private Optional<SmtpSettings> smtp;
    private Duration mailInterval;
    private Duration webhooksInterval;
    private Duration documentsInterval;
    private boolean webhooksAllowInsecure;
    private Duration billingInterval;
    private URI viesUrl;
    private Duration viesInterval;
    private Duration viesRetry;
    private long maxStatementBytes;
    private int billingThreads;
    private int billingBatch;
    private String clientAreaScheme;
    private Optional<Integer> clientAreaPort;
    private Map<String, String> pluginSettings;
    private List<String> warnings;

    /** For CDI's client proxy only. */
    protected Settings() {
    }

    @Inject
    public Settings(Config config) {
        this(kassaValues(config));
    }

    /**
     * The settings given by name, as they would come from the environment.
     *
     * @param values every {@code KASSA_*} setting by its name; others are ignored
     * @throws InvalidSettingsException naming every invalid setting, one line each
     */
    public Settings(Map<String, String> values) {
        SettingReader in = new SettingReader(values);
        allowInsecureGateways = in.bool(ALLOW_INSECURE_GATEWAYS, false);
        trustProxy = in.bool(TRUST_PROXY, false);
        in.allowInsecure = allowInsecureGateways;
        dataDir = in.path(DATA_DIR, "a directory").orElse(Path.of("./data").toAbsolutePath().normalize());
        in.requireDirectoryIfPresent(DATA_DIR, dataDir);
        tenantsDir = in.path(TENANTS_DIR, "an existing directory");
        tenantsDir.ifPresent(dir -> in.check(TENANTS_DIR, Files.isDirectory(dir), "an existing directory"));
        operatorToken = in.string(OPERATOR_TOKEN);
        operatorToken.ifPresent(token -> in.checkSecret(OPERATOR_TOKEN, token.length() >= MIN_OPERATOR_TOKEN_LENGTH,
                "at least " + MIN_OPERATOR_TOKEN_LENGTH + " characters"));
        databaseUrl = in.string(DB_URL).orElseGet(() -> h2Url(dataDir));
        in.check(DB_URL, isSupportedDatabaseUrl(databaseUrl), "a jdbc:postgresql: or jdbc:h2: URL");
        in.string(DB_USER);
        in.string(DB_PASSWORD);
        pluginsDir = in.path(PLUGINS_DIR, "a directory").orElseGet(() -> dataDir.resolve("plugins"));
        in.requireDirectoryIfPresent(PLUGINS_DIR, pluginsDir);
        masterKey = in.string(MASTER_KEY).flatMap(key -> {
            Optional<byte[]> decoded = decodeKey(key);
            in.checkSecret(MASTER_KEY, decoded.isPresent(),
                    "32 bytes in base64, for example from: openssl rand -base64 32");
            return decoded;
        });
        janitorInterval = Duration.ofSeconds(in.number(JANITOR_INTERVAL, 60, 1, 86_400, "seconds"));
        quoteTtl = Duration.ofSeconds(in.number(QUOTE_TTL, 600, 1, 86_400, "seconds"));
        ratesEcbUrl = in.gatewayUrl(RATES_ECB_URL);
        ratesFile = in.path(RATES_FILE, "a readable file");
        ratesFile.ifPresent(file -> in.check(RATES_FILE, Files.isRegularFile(file) && Files.isReadable(file),
                "a readable file"));
        ratesMaxAgeDays = (int) in.number(RATES_MAX_AGE_DAYS, 4, 0, 3650, "days");
        ratesSource = in.string(RATES_SOURCE).orElse(DEFAULT_RATES_SOURCE);
        in.check(RATES_SOURCE, RATE_SOURCE_ID.matcher(ratesSource).matches(),
                "a rate source id: lower-case letters, digits and dashes, at most 40");
        maxBodyBytes = in.number(MAX_BODY_BYTES, 1024 * 1024, 1, MAX_BODY_BYTES_LIMIT, "bytes");
        smtp = smtp(in);
        mailInterval = Duration.ofSeconds(in.number(MAIL_INTERVAL, 5, 1, 3600, "seconds"));
        webhooksInterval = Duration.ofSeconds(in.number(WEBHOOKS_INTERVAL, 5, 1, 3600, "seconds"));
        documentsInterval = Duration.ofSeconds(in.number(DOCUMENTS_INTERVAL, 2, 1, 3600, "seconds"));
        webhooksAllowInsecure = in.bool(WEBHOOKS_ALLOW_INSECURE, false);
        if (webhooksAllowInsecure) {
            in.warnings.add(WEBHOOKS_ALLOW_INSECURE + "=true: tenants' webhook endpoints may be plain http and"
                    + " reach loopback and private addresses; for tests and local development only, never in production");
        }
        billingInterval = Duration.ofSeconds(in.number(BILLING_INTERVAL, 300, 1, 86_400, "seconds"));
        viesUrl = in.gatewayUrl(VIES_URL).orElse(DEFAULT_VIES_URL);
        viesInterval = Duration.ofSeconds(in.number(VIES_INTERVAL, 30, 1, 3600, "seconds"));
        viesRetry = Duration.ofSeconds(in.number(VIES_RETRY, 60, 1, 86_400, "seconds"));
        maxStatementBytes = in.number(MAX_STATEMENT_BYTES, 100L * 1024 * 1024, 1, 1024L * 1024 * 1024, "bytes");
        billingThreads = (int) in.number(BILLING_THREADS, 2, 1, 32, "threads");
        billingBatch = (int) in.number(BILLING_BATCH, 250, 1, 500, "services");
        clientAreaScheme = in.string(CLIENT_AREA_SCHEME).map(v -> v.toLowerCase(Locale.ROOT)).orElse("http");
        in.check(CLIENT_AREA_SCHEME, clientAreaScheme.equals("http") || clientAreaScheme.equals("https"),
                "http or https");
        clientAreaPort = in.string(CLIENT_AREA_PORT).isPresent()
                ? Optional.of(in.port(CLIENT_AREA_PORT, 8080)) : Optional.empty();
        pluginSettings = in.pluginSettings();
        in.warnAboutInsecureGateways();
        in.warnAboutUnknownNames();
        warnings = List.copyOf(in.warnings);
        if (!in.problems.isEmpty()) {
            throw new InvalidSettingsException(in.problems);
        }
    }

    /** {@value #DATA_DIR}, absolute; default {@code ./data}. It may not exist yet. */
    public Path dataDir() {
        return dataDir;
    }

    /** {@value #TENANTS_DIR}: where declarative tenant definitions live; none when unset. */
    public Optional<Path> tenantsDir() {
        return tenantsDir;
    }

    /** {@value #OPERATOR_TOKEN}, at least 32 characters; none when unset (one is generated). */
    public Optional<String> operatorToken() {
        return operatorToken;
    }

    /** {@value #DB_URL}, else the H2 file in the data directory. */
    public String databaseUrl() {
        return databaseUrl;
    }

    /** {@value #PLUGINS_DIR}, absolute; default {@code <data dir>/plugins}. It need not exist. */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** {@value #MASTER_KEY}: 32 bytes (a copy); none when unset (the key file is used). */
    public Optional<byte[]> masterKey() {
        return masterKey.map(byte[]::clone);
    }

    /** {@value #JANITOR_INTERVAL}: 1 to 86400 seconds, default 60. */
    public Duration janitorInterval() {
        return janitorInterval;
    }

    /** {@value #QUOTE_TTL}: how long a quote holds, 1 to 86400 seconds, default 600. */
    public Duration quoteTtl() {
        return quoteTtl;
    }

    /** {@value #RATES_ECB_URL}: where to fetch ECB rates from; none (no fetching) when unset. */
    public Optional<URI> ratesEcbUrl() {
        return ratesEcbUrl;
    }

    /** {@value #RATES_FILE}: a rates file to import at every start, readable when the server started. */
    public Optional<Path> ratesFile() {
        return ratesFile;
    }

    /** {@value #RATES_MAX_AGE_DAYS}: how old (in days) rates may be and still be used, 0 to 3650, default 4. */
    public int ratesMaxAgeDays() {
        return ratesMaxAgeDays;
    }

    /**
     * {@value #RATES_SOURCE}: the id of the rate source whose rates Kassa quotes and converts with,
     * and which reads uploads that name no source, {@value #RATES_FILE} and the fetch from
     * {@value #RATES_ECB_URL}; default {@code ecb}. A plugin provides it; none need be installed.
     */
    public String ratesSource() {
        return ratesSource;
    }

    /**
     * {@value #TRUST_PROXY}: whether a reverse proxy in front sets {@code X-Forwarded-Proto} and
     * {@code X-Forwarded-For}, so the client area believes them (secure cookies, the address that
     * sign-in throttling counts). Off, anyone could claim them.
     */
    public boolean trustProxy() {
        return trustProxy;
    }

    /** {@value #ALLOW_INSECURE_GATEWAYS}: whether gateway and rate URLs may be plain http (tests, local fakes). */
    public boolean allowInsecureGateways() {
        return allowInsecureGateways;
    }

    /** {@value #MAX_BODY_BYTES}: the largest request body accepted, 1 byte to 64 MiB, default 1 MiB. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * The SMTP server mail is sent through: {@value #SMTP_HOST} with {@value #SMTP_PORT} (default
     * 587), {@value #SMTP_USER} and {@value #SMTP_PASSWORD} (both or neither), {@value #SMTP_STARTTLS}
     * (default true) and {@value #MAIL_FROM} (required with a host). None when {@value #SMTP_HOST} is
     * unset: mail then waits in the outbox.
     */
    public Optional<SmtpSettings> smtp() {
        return smtp;
    }

    /** {@value #MAIL_INTERVAL}: seconds between rounds of the mail worker, 1 to 3600, default 5. */
    public Duration mailInterval() {
        return mailInterval;
    }

    /** {@value #MAX_STATEMENT_BYTES}: the largest bank statement file accepted, 1 byte to 1 GiB, default 100 MiB. */
    public long maxStatementBytes() {
        return maxStatementBytes;
    }

    /** {@value #BILLING_INTERVAL}: seconds between rounds of the billing run, 1 to 86400, default 300. */
    public Duration billingInterval() {
        return billingInterval;
    }

    /**
     * {@value #VIES_URL}: the base of the VIES REST API that VAT IDs are checked with (it is sent
     * {@code POST <base>/check-vat-number}); default the Commission's own.
     */
    public URI viesUrl() {
        return viesUrl;
    }

    /** {@value #VIES_INTERVAL}: seconds between rounds of the VAT ID check worker, 1 to 3600, default 30. */
    public Duration viesInterval() {
        return viesInterval;
    }

    /**
     * {@value #VIES_RETRY}: how long after a VIES outage a check is tried again the first time, 1 to
     * 86400 seconds, default 60; it doubles with each outage in a row, up to six hours.
     */
    public Duration viesRetry() {
        return viesRetry;
    }

    /** {@value #BILLING_THREADS}: threads renewing services in a round of the billing run, 1 to 32, default 2. */
    public int billingThreads() {
        return billingThreads;
    }

    /** {@value #BILLING_BATCH}: services renewed per transaction by the billing run, 1 to 500, default 250. */
    public int billingBatch() {
        return billingBatch;
    }

    /** {@value #WEBHOOKS_INTERVAL}: seconds between rounds of the webhook worker, 1 to 3600, default 5. */
    public Duration webhooksInterval() {
        return webhooksInterval;
    }

    /** {@value #DOCUMENTS_INTERVAL}: seconds between rounds of the document worker, 1 to 3600, default 2. */
    public Duration documentsInterval() {
        return documentsInterval;
    }

    /**
     * {@value #WEBHOOKS_ALLOW_INSECURE}: whether tenants' webhook endpoints may be plain http and
     * resolve to loopback, private or link-local addresses (tests, local development); default false.
     */
    public boolean webhooksAllowInsecure() {
        return webhooksAllowInsecure;
    }

    /**
     * {@value #CLIENT_AREA_SCHEME}: how customers' browsers reach the client area, {@code http} or
     * {@code https} (behind a proxy that terminates TLS), default {@code http}; for links in e-mails.
     */
    public String clientAreaScheme() {
        return clientAreaScheme;
    }

    /**
     * {@value #CLIENT_AREA_PORT}: the port customers' browsers reach the client area on, 1 to 65535;
     * empty when unset (then the port the server listens on).
     */
    public Optional<Integer> clientAreaPort() {
        return clientAreaPort;
    }

    /**
     * The operator's settings for one plugin: {@code KASSA_PLUGINS_<ID>_<NAME>} (id in upper case,
     * dashes as underscores) by {@code <NAME>}.
     */
    public Map<String, String> pluginSettings(String pluginId) {
        String prefix = PLUGIN_PREFIX + pluginId.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        Map<String, String> out = new TreeMap<>();
        pluginSettings.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                out.put(name.substring(prefix.length()), value);
            }
        });
        return Map.copyOf(out);
    }

    /** What the start should log as warnings: settings nobody reads, plain-http gateways allowed. */
    public List<String> warnings() {
        return warnings;
    }

    /** The embedded default database: an H2 file in the data directory. */
    public static String h2Url(Path dataDir) {
        // No DATABASE_TO_LOWER: Liquibase 4.33 then fails to find its changelog table on the second start.
        // TRACE_LEVEL_FILE=0: H2 would otherwise write kassa.trace.db beside the database for errors the
        // caller already receives as exceptions, such as Liquibase probing for its tables on a new database.
        return "jdbc:h2:file:" + dataDir.resolve("kassa")
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0";
    }

    public static boolean isSupportedDatabaseUrl(String url) {
        return url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:h2:");
    }

    /** A JDBC URL fit for the log: a password in it is masked. */
    public static String masked(String url) {
        return url == null ? "" : url.replaceAll("(?i)password=[^&;]*", "password=***");
    }

    /** 32 bytes in base64, standard or url-safe, padding optional; empty when it is not that. */
    public static Optional<byte[]> decodeKey(String text) {
        try {
            byte[] key = Base64.getDecoder().decode(text.strip().replace('-', '+').replace('_', '/'));
            return key.length == 32 ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The SMTP settings, each checked; none without a host (the others then only earn a warning). */
    private static Optional<SmtpSettings> smtp(SettingReader in) {
        Optional<String> host = in.string(SMTP_HOST);
        host.ifPresent(h -> in.check(SMTP_HOST, HOST.matcher(h).matches(),
                "a host name or IP address, without scheme or port (the port is " + SMTP_PORT + ")"));
        int port = in.port(SMTP_PORT, 587);
        Optional<String> user = in.string(SMTP_USER);
        Optional<String> password = in.string(SMTP_PASSWORD);
        boolean startTls = in.bool(SMTP_STARTTLS, true);
        Optional<String> from = in.string(MAIL_FROM);
        from.ifPresent(f -> in.check(MAIL_FROM, f.length() <= 254 && ADDRESS.matcher(f).matches(),
                "an e-mail address such as billing@example.com, without a name or angle brackets"));
        if (host.isEmpty()) {
            List<String> given = new ArrayList<>();
            for (String name : List.of(SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_STARTTLS, MAIL_FROM)) {
                in.string(name).ifPresent(v -> given.add(name));
            }
            if (!given.isEmpty()) {
                in.warnings.add(String.join(", ", given) + " set without " + SMTP_HOST
                        + ": no mail is sent, it waits in the outbox");
            }
            return Optional.empty();
        }
        if (from.isEmpty()) {
            in.problems.add(SMTP_HOST + " is set without " + MAIL_FROM
                    + ": mail needs an address to come from, such as billing@example.com");
        }
        if (user.isPresent() && password.isEmpty()) {
            in.problems.add(SMTP_USER + " is set without " + SMTP_PASSWORD + ": give both, or neither");
        }
        if (password.isPresent() && user.isEmpty()) {
            in.problems.add(SMTP_PASSWORD + " (not shown) is set without " + SMTP_USER + ": give both, or neither");
        }
        if (user.isPresent() && !startTls) {
            in.warnings.add(SMTP_STARTTLS + "=false with " + SMTP_USER
                    + ": the SMTP password crosses the network unencrypted");
        }
        if (!in.problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SmtpSettings(host.get(), port, user, password, startTls, from.get()));
    }

    /** Every {@code KASSA_*} name MicroProfile Config knows, with its value. */
    static Map<String, String> kassaValues(Config config) {
        Set<String> names = new TreeSet<>(System.getenv().keySet());
        names.addAll(System.getProperties().stringPropertyNames());
        config.getPropertyNames().forEach(names::add);
        Map<String, String> values = new TreeMap<>();
        for (String name : names) {
            if (name.startsWith("KASSA_")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> values.put(name, value));
            }
        }
        return values;
    }

    /** Reads settings by name, collecting one line for each invalid one instead of stopping at the first. */
    private static final class SettingReader {
        private final Map<String, String> values;
        private final Set<String> read = new TreeSet<>();
        private final List<String> problems = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> insecure = new ArrayList<>();
        /** Whether {@link #gatewayUrl} accepts plain http: set before the first URL is read. */
        private boolean allowInsecure;

        SettingReader(Map<String, String> values) {
            this.values = values;
        }

        Optional<String> string(String name) {
            read.add(name);
            return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        }

        void check(String name, boolean valid, String allowed) {
            if (valid) {
                return;
            }
            problems.add(name + "=" + shown(masked(values.get(name))) + " is not allowed: " + allowed);
        }

        /** As {@link #check}, but the value is a secret: the line gives its length, never the value. */
        void checkSecret(String name, boolean valid, String allowed) {
            if (!valid) {
                problems.add(name + " (" + values.get(name).strip().length() + " characters, not shown) is not allowed: "
                        + allowed);
            }
        }

        boolean bool(String name, boolean fallback) {
            Optional<String> value = string(name);
            if (value.isEmpty()) {
                return fallback;
            }
            String v = value.get().toLowerCase(Locale.ROOT);
            check(name, v.equals("true") || v.equals("false"), "true or false");
            return v.equals("true");
        }

        long number(String name, long fallback, long min, long max, String unit) {
            Optional<String> value = string(name);
            if (value.isEmpty()) {
                return fallback;
            }
            boolean digits = DIGITS.matcher(value.get()).matches();
            long n = digits ? Long.parseLong(value.get()) : -1;
            boolean valid = digits && n >= min && n <= max;
            check(name, valid, "a whole number of " + unit + " from " + min + " to " + max);
            return valid ? n : fallback;
        }

        int port(String name, int fallback) {
            Optional<String> value = string(name);
            if (value.isEmpty()) {
                return fallback;
            }
            boolean digits = DIGITS.matcher(value.get()).matches();
            long n = digits ? Long.parseLong(value.get()) : -1;
            boolean valid = n >= 1 && n <= 65_535;
            check(name, valid, "a port number from 1 to 65535");
            return valid ? (int) n : fallback;
        }

        Optional<Path> path(String name, String allowed) {
            Optional<String> value = string(name);
            try {
                return value.map(Path::of).map(p -> p.toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                check(name, false, allowed);
                return Optional.empty();
            }
        }

        void requireDirectoryIfPresent(String name, Path dir) {
            if (string(name).isPresent() && Files.exists(dir)) {
                check(name, Files.isDirectory(dir), "a directory");
            }
        }

        /** An absolute http(s) URL; https unless {@value #ALLOW_INSECURE_GATEWAYS} is true. */
        Optional<URI> gatewayUrl(String name) {
            Optional<String> value = string(name);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            URI uri;
            try {
                uri = new URI(value.get());
            } catch (java.net.URISyntaxException e) {
                uri = null;
            }
            String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = uri != null && uri.getHost() != null && (scheme.equals("https") || scheme.equals("http"));
            if (!web) {
                check(name, false, "an absolute https URL");
                return Optional.empty();
            }
            if (scheme.equals("http")) {
                if (!allowInsecure) {
                    check(name, false, "an https URL (plain http only with " + ALLOW_INSECURE_GATEWAYS + "=true)");
                    return Optional.empty();
                }
                insecure.add(name + "=" + value.get());
            }
            return Optional.of(uri);
        }

        /** Every {@code KASSA_PLUGINS_*} setting by its full name; those naming a URL checked as gateway URLs. */
        Map<String, String> pluginSettings() {
            Map<String, String> out = new TreeMap<>();
            for (String name : values.keySet()) {
                if (name.startsWith(PLUGIN_PREFIX) && !name.equals(PLUGINS_DIR)) {
                    Optional<String> value = name.endsWith("_URL") || name.endsWith("_API_BASE")
                            ? gatewayUrl(name).map(u -> values.get(name).strip())
                            : string(name);
                    read.add(name);
                    value.ifPresent(v -> out.put(name, v));
                }
            }
            return out;
        }

        /** Called after every URL was read, so that the warning names each plain-http one. */
        void warnAboutInsecureGateways() {
            if (allowInsecure) {
                warnings.add(ALLOW_INSECURE_GATEWAYS + "=true: gateway and rate URLs may be plain http"
                        + (insecure.isEmpty() ? "" : " (" + String.join(", ", insecure) + ")")
                        + "; for tests and local fakes only, never in production");
            }
        }

        void warnAboutUnknownNames() {
            for (String name : values.keySet()) {
                if (name.startsWith("KASSA_") && !read.contains(name) && !LAUNCHER_ONLY.contains(name)) {
                    warnings.add(name + " is not a Kassa setting and is ignored (see docs/operators.md)");
                }
            }
        }

        /** The value in quotes, on one line and of bounded length, whatever the operator typed. */
        private static String shown(String value) {
            StringBuilder out = new StringBuilder("'");
            value.codePoints().limit(200).forEach(c -> {
                if (Character.isISOControl(c)) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.append(Character.toChars(c));
                }
            });
            return out.append(value.length() > 200 ? "…'" : "'").toString();
        }
    }

    /** One or more settings are invalid: the message has one line for each. */
    public static class InvalidSettingsException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        public InvalidSettingsException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The HTTP port, as Payara's own configuration source tells it; empty outside Payara. */
    public Optional<Integer> httpPort() {
        return ConfigProvider.getConfig().getOptionalValue("payara.instance.http.port", Integer.class);
    }
}
