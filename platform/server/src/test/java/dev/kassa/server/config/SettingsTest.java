package dev.kassa.server.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.config.Settings.InvalidSettingsException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each setting with a good value and with bad ones: a bad value is never replaced by the default,
 * it is refused with one line naming the setting, the value (unless secret) and what is allowed.
 */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void unsetSettingsHaveTheirDocumentedDefaults() {
        Settings settings = new Settings(Map.of());

        assertEquals(Path.of("data").toAbsolutePath(), settings.dataDir());
        assertEquals(settings.dataDir().resolve("plugins"), settings.pluginsDir());
        assertEquals(Settings.h2Url(settings.dataDir()), settings.databaseUrl());
        assertEquals(Optional.empty(), settings.tenantsDir());
        assertEquals(Optional.empty(), settings.operatorToken());
        assertTrue(settings.masterKey().isEmpty());
        assertEquals(Duration.ofSeconds(60), settings.janitorInterval());
        assertEquals(Duration.ofSeconds(600), settings.quoteTtl());
        assertEquals(Optional.empty(), settings.ratesEcbUrl());
        assertEquals(Optional.empty(), settings.ratesFile());
        assertEquals(4, settings.ratesMaxAgeDays());
        assertEquals("ecb", settings.ratesSource());
        assertFalse(settings.allowInsecureGateways());
        assertEquals(1_048_576, settings.maxBodyBytes());
        assertEquals(Optional.empty(), settings.smtp());
        assertEquals(Duration.ofSeconds(5), settings.mailInterval());
        assertEquals(Duration.ofSeconds(5), settings.webhooksInterval());
        assertEquals(Duration.ofSeconds(300), settings.billingInterval());
        assertEquals(URI.create("https://ec.europa.eu/taxation_customs/vies/rest-api"), settings.viesUrl());
        assertEquals(Duration.ofSeconds(30), settings.viesInterval());
        assertEquals(Duration.ofSeconds(60), settings.viesRetry());
        assertEquals(2, settings.billingThreads());
        assertEquals(250, settings.billingBatch());
        assertFalse(settings.webhooksAllowInsecure());
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void anEmptyValueCountsAsUnset() {
        Settings settings = new Settings(Map.of(Settings.RATES_MAX_AGE_DAYS, "  ", Settings.OPERATOR_TOKEN, ""));

        assertEquals(4, settings.ratesMaxAgeDays());
        assertEquals(Optional.empty(), settings.operatorToken());
    }

    @Test
    void ratesMaxAgeDays() {
        assertEquals(0, setting(Settings.RATES_MAX_AGE_DAYS, "0").ratesMaxAgeDays());
        assertEquals(7, setting(Settings.RATES_MAX_AGE_DAYS, " 7 ").ratesMaxAgeDays());
        assertEquals(3650, setting(Settings.RATES_MAX_AGE_DAYS, "3650").ratesMaxAgeDays());

        assertEquals("KASSA_RATES_MAX_AGE_DAYS='100000' is not allowed: a whole number of days from 0 to 3650",
                refused(Settings.RATES_MAX_AGE_DAYS, "100000"));
        for (String bad : List.of("-1", "5d", "4.5", "3651", "99999999999999999999", "٤")) {
            assertTrue(refused(Settings.RATES_MAX_AGE_DAYS, bad).contains("'" + bad + "'"), bad);
        }
    }

    @Test
    void janitorInterval() {
        assertEquals(Duration.ofSeconds(1), setting(Settings.JANITOR_INTERVAL, "1").janitorInterval());
        assertEquals(Duration.ofDays(1), setting(Settings.JANITOR_INTERVAL, "86400").janitorInterval());

        assertEquals("KASSA_JANITOR_INTERVAL='0' is not allowed: a whole number of seconds from 1 to 86400",
                refused(Settings.JANITOR_INTERVAL, "0"));
        refused(Settings.JANITOR_INTERVAL, "86401");
        refused(Settings.JANITOR_INTERVAL, "1m");
    }

    @Test
    void quoteTtl() {
        assertEquals(Duration.ofSeconds(30), setting(Settings.QUOTE_TTL, "30").quoteTtl());

        assertEquals("KASSA_QUOTE_TTL='-5' is not allowed: a whole number of seconds from 1 to 86400",
                refused(Settings.QUOTE_TTL, "-5"));
        refused(Settings.QUOTE_TTL, "0");
        refused(Settings.QUOTE_TTL, "ten minutes");
    }

    @Test
    void maxBodyBytes() {
        assertEquals(1, setting(Settings.MAX_BODY_BYTES, "1").maxBodyBytes());
        assertEquals(64L * 1024 * 1024, setting(Settings.MAX_BODY_BYTES, "67108864").maxBodyBytes());

        assertEquals("KASSA_MAX_BODY_BYTES='67108865' is not allowed: a whole number of bytes from 1 to 67108864",
                refused(Settings.MAX_BODY_BYTES, "67108865"));
        refused(Settings.MAX_BODY_BYTES, "0");
        refused(Settings.MAX_BODY_BYTES, "1MB");
    }

    @Test
    void smtpWithItsDefaults() {
        SmtpSettings smtp = new Settings(Map.of(Settings.SMTP_HOST, "smtp.example.com", Settings.MAIL_FROM,
                "billing@example.com")).smtp().orElseThrow();

        assertEquals(new SmtpSettings("smtp.example.com", 587, Optional.empty(), Optional.empty(), true,
                "billing@example.com"), smtp);
        assertEquals("example.com", smtp.fromDomain());
    }

    @Test
    void smtpWithEverySetting() {
        Settings settings = new Settings(Map.of(Settings.SMTP_HOST, "10.0.0.25", Settings.SMTP_PORT, "2525",
                Settings.SMTP_USER, "kassa", Settings.SMTP_PASSWORD, "s3cret-smtp", Settings.SMTP_STARTTLS, "false",
                Settings.MAIL_FROM, "no-reply@billing.example.com", Settings.MAIL_INTERVAL, "30"));

        SmtpSettings smtp = settings.smtp().orElseThrow();
        assertEquals("10.0.0.25", smtp.host());
        assertEquals(2525, smtp.port());
        assertEquals(Optional.of("kassa"), smtp.user());
        assertEquals(Optional.of("s3cret-smtp"), smtp.password());
        assertFalse(smtp.startTls());
        assertEquals(Duration.ofSeconds(30), settings.mailInterval());
        assertEquals(List.of("KASSA_SMTP_STARTTLS=false with KASSA_SMTP_USER: the SMTP password crosses the network"
                + " unencrypted"), settings.warnings());
        assertFalse(smtp.toString().contains("s3cret"), smtp.toString());
    }

    @Test
    void badSmtpSettingsAreRefusedAndThePasswordIsNeverShown() {
        Map<String, String> base = Map.of(Settings.SMTP_HOST, "smtp.example.com", Settings.MAIL_FROM,
                "billing@example.com");
        assertEquals("KASSA_SMTP_HOST='smtp://smtp.example.com:587' is not allowed: a host name or IP address,"
                + " without scheme or port (the port is KASSA_SMTP_PORT)",
                refusedWith(base, Settings.SMTP_HOST, "smtp://smtp.example.com:587"));
        assertEquals("KASSA_SMTP_PORT='0' is not allowed: a port number from 1 to 65535",
                refusedWith(base, Settings.SMTP_PORT, "0"));
        refusedWith(base, Settings.SMTP_PORT, "65536");
        refusedWith(base, Settings.SMTP_PORT, "smtp");
        assertEquals("KASSA_SMTP_STARTTLS='yes' is not allowed: true or false",
                refusedWith(base, Settings.SMTP_STARTTLS, "yes"));
        for (String bad : List.of("Billing <billing@example.com>", "billing", "billing@", "a b@example.com",
                "billing@exa_mple.com")) {
            assertTrue(refusedWith(base, Settings.MAIL_FROM, bad).contains("an e-mail address such as"), bad);
        }
        assertEquals("KASSA_SMTP_HOST is set without KASSA_MAIL_FROM: mail needs an address to come from, such as"
                + " billing@example.com", refusedWith(Map.of(Settings.SMTP_HOST, "smtp.example.com"), "X", null));
        assertEquals("KASSA_SMTP_USER is set without KASSA_SMTP_PASSWORD: give both, or neither",
                refusedWith(base, Settings.SMTP_USER, "kassa"));
        String line = refusedWith(base, Settings.SMTP_PASSWORD, "s3cret-smtp");
        assertEquals("KASSA_SMTP_PASSWORD (not shown) is set without KASSA_SMTP_USER: give both, or neither", line);
    }

    @Test
    void smtpSettingsWithoutAHostAreWarnedAbout() {
        Settings settings = new Settings(Map.of(Settings.MAIL_FROM, "billing@example.com", Settings.SMTP_PASSWORD,
                "s3cret-smtp"));

        assertEquals(Optional.empty(), settings.smtp());
        assertEquals(List.of("KASSA_SMTP_PASSWORD, KASSA_MAIL_FROM set without KASSA_SMTP_HOST: no mail is sent,"
                + " it waits in the outbox"), settings.warnings());
    }

    @Test
    void clientAreaSchemeAndPort() {
        Settings none = new Settings(Map.of());
        assertEquals("http", none.clientAreaScheme());
        assertEquals(Optional.empty(), none.clientAreaPort());
        assertEquals("https", setting(Settings.CLIENT_AREA_SCHEME, "HTTPS").clientAreaScheme());
        assertEquals(Optional.of(443), setting(Settings.CLIENT_AREA_PORT, "443").clientAreaPort());
        assertEquals("KASSA_CLIENT_AREA_SCHEME='ftp' is not allowed: http or https",
                refused(Settings.CLIENT_AREA_SCHEME, "ftp"));
        assertEquals("KASSA_CLIENT_AREA_PORT='0' is not allowed: a port number from 1 to 65535",
                refused(Settings.CLIENT_AREA_PORT, "0"));
    }

    @Test
    void mailInterval() {
        assertEquals(Duration.ofSeconds(1), setting(Settings.MAIL_INTERVAL, "1").mailInterval());
        assertEquals("KASSA_MAIL_INTERVAL='3601' is not allowed: a whole number of seconds from 1 to 3600",
                refused(Settings.MAIL_INTERVAL, "3601"));
        refused(Settings.MAIL_INTERVAL, "0");
    }

    @Test
    void documentSettings() {
        assertEquals(Duration.ofSeconds(2), new Settings(Map.of()).documentsInterval());
        assertEquals(Duration.ofSeconds(30), setting(Settings.DOCUMENTS_INTERVAL, "30").documentsInterval());
        assertEquals("KASSA_DOCUMENTS_INTERVAL='0' is not allowed: a whole number of seconds from 1 to 3600",
                refused(Settings.DOCUMENTS_INTERVAL, "0"));
    }

    @Test
    void viesSettings() {
        String proxy = "https://vies-proxy.internal/rest-api";
        assertEquals(URI.create(proxy), setting(Settings.VIES_URL, proxy).viesUrl());
        assertEquals("KASSA_VIES_URL='http://127.0.0.1:9000/vies' is not allowed: an https URL (plain http only"
                + " with KASSA_ALLOW_INSECURE_GATEWAYS=true)", refused(Settings.VIES_URL, "http://127.0.0.1:9000/vies"));
        Settings fake = new Settings(Map.of(Settings.VIES_URL, "http://127.0.0.1:9000/vies",
                Settings.ALLOW_INSECURE_GATEWAYS, "true"));
        assertEquals(URI.create("http://127.0.0.1:9000/vies"), fake.viesUrl());
        assertTrue(refused(Settings.VIES_URL, "vies").endsWith("is not allowed: an absolute https URL"));
        assertEquals(Duration.ofSeconds(1), setting(Settings.VIES_INTERVAL, "1").viesInterval());
        refused(Settings.VIES_INTERVAL, "0");
        assertEquals(Duration.ofSeconds(5), setting(Settings.VIES_RETRY, "5").viesRetry());
        assertEquals("KASSA_VIES_RETRY='86401' is not allowed: a whole number of seconds from 1 to 86400",
                refused(Settings.VIES_RETRY, "86401"));
    }

    @Test
    void webhookSettings() {
        assertEquals(Duration.ofSeconds(1), setting(Settings.WEBHOOKS_INTERVAL, "1").webhooksInterval());
        assertEquals("KASSA_WEBHOOKS_INTERVAL='0' is not allowed: a whole number of seconds from 1 to 3600",
                refused(Settings.WEBHOOKS_INTERVAL, "0"));
        assertEquals(Duration.ofSeconds(1), setting(Settings.BILLING_INTERVAL, "1").billingInterval());
        assertEquals("KASSA_BILLING_INTERVAL='86401' is not allowed: a whole number of seconds from 1 to 86400",
                refused(Settings.BILLING_INTERVAL, "86401"));
        assertEquals(8, setting(Settings.BILLING_THREADS, "8").billingThreads());
        assertEquals("KASSA_BILLING_THREADS='0' is not allowed: a whole number of threads from 1 to 32",
                refused(Settings.BILLING_THREADS, "0"));
        assertEquals(1, setting(Settings.BILLING_BATCH, "1").billingBatch());
        assertEquals("KASSA_BILLING_BATCH='501' is not allowed: a whole number of services from 1 to 500",
                refused(Settings.BILLING_BATCH, "501"));
        Settings insecure = setting(Settings.WEBHOOKS_ALLOW_INSECURE, "true");
        assertTrue(insecure.webhooksAllowInsecure());
        assertTrue(insecure.warnings().stream().anyMatch(w -> w.startsWith("KASSA_WEBHOOKS_ALLOW_INSECURE=true")),
                insecure.warnings()::toString);
        refused(Settings.WEBHOOKS_ALLOW_INSECURE, "yes");
    }

    @Test
    void anOperatorTokenHasAtLeast32CharactersAndIsNeverShown() {
        String good = "a".repeat(32);
        assertEquals(Optional.of(good), setting(Settings.OPERATOR_TOKEN, good).operatorToken());

        String line = refused(Settings.OPERATOR_TOKEN, "second-node");
        assertEquals("KASSA_OPERATOR_TOKEN (11 characters, not shown) is not allowed: at least 32 characters", line);
        assertFalse(refused(Settings.OPERATOR_TOKEN, "b".repeat(31)).contains("bbb"));
    }

    @Test
    void aMasterKeyIs32BytesOfBase64AndIsNeverShown() {
        byte[] key = new byte[32];
        key[0] = (byte) 0xfb; // encodes with '+' or '-' and '/' or '_'
        key[1] = (byte) 0xff;
        assertArrayEquals(key, setting(Settings.MASTER_KEY, Base64.getEncoder().encodeToString(key) + "\n")
                .masterKey().orElseThrow());
        assertArrayEquals(key, setting(Settings.MASTER_KEY, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(key)).masterKey().orElseThrow());

        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        String tooLong = Base64.getEncoder().encodeToString(new byte[33]);
        for (String bad : List.of(tooShort, tooLong, "not base64 at all!", "correct horse battery staple")) {
            String line = refused(Settings.MASTER_KEY, bad);
            assertTrue(line.contains("32 bytes in base64") && line.contains("openssl rand -base64 32"), line);
            assertTrue(line.contains(bad.length() + " characters, not shown"), line);
            assertFalse(line.contains(bad), line);
        }
    }

    @Test
    void theDatabaseIsPostgreSqlOrH2AndAPasswordInTheUrlIsMasked() {
        String pg = "jdbc:postgresql://db.internal:5432/kassa?sslmode=verify-full";
        assertEquals(pg, setting(Settings.DB_URL, pg).databaseUrl());
        assertEquals("jdbc:h2:mem:x", setting(Settings.DB_URL, "jdbc:h2:mem:x").databaseUrl());

        String line = refused(Settings.DB_URL, "jdbc:mysql://db/kassa?user=k&password=hunter2");
        assertEquals("KASSA_DB_URL='jdbc:mysql://db/kassa?user=k&password=***' is not allowed: a jdbc:postgresql:"
                + " or jdbc:h2: URL", line);
        assertEquals("jdbc:postgresql://db/k?password=***&ssl=true",
                Settings.masked("jdbc:postgresql://db/k?password=s3cret&ssl=true"));
    }

    @Test
    void allowInsecureGatewaysIsTrueOrFalse() {
        assertTrue(setting(Settings.ALLOW_INSECURE_GATEWAYS, "true").allowInsecureGateways());
        assertFalse(setting(Settings.ALLOW_INSECURE_GATEWAYS, "FALSE").allowInsecureGateways());

        assertEquals("KASSA_ALLOW_INSECURE_GATEWAYS='yes' is not allowed: true or false",
                refused(Settings.ALLOW_INSECURE_GATEWAYS, "yes"));
    }

    @Test
    void theRatesSourceIsARateSourceId() {
        assertEquals("fed-h10", setting(Settings.RATES_SOURCE, " fed-h10 ").ratesSource());

        for (String bad : List.of("ECB", "-ecb", "ecb rates", "ecb_rates", "x".repeat(41))) {
            assertTrue(refused(Settings.RATES_SOURCE, bad).endsWith(
                    "is not allowed: a rate source id: lower-case letters, digits and dashes, at most 40"), bad);
        }
    }

    @Test
    void theEcbUrlIsAnAbsoluteHttpsUrl() {
        String ecb = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml";
        assertEquals(Optional.of(URI.create(ecb)), setting(Settings.RATES_ECB_URL, ecb).ratesEcbUrl());

        assertEquals("KASSA_RATES_ECB_URL='http://mirror.internal:8080/ecb.xml' is not allowed: an https URL"
                + " (plain http only with KASSA_ALLOW_INSECURE_GATEWAYS=true)",
                refused(Settings.RATES_ECB_URL, "http://mirror.internal:8080/ecb.xml"));
        for (String bad : List.of("file:///etc/passwd", "www.ecb.europa.eu/daily.xml", "https://exa mple.com/",
                "https:///no-host")) {
            assertTrue(refused(Settings.RATES_ECB_URL, bad).endsWith("is not allowed: an absolute https URL"), bad);
        }
    }

    @Test
    void plainHttpGatewaysOnlyWhenAllowedAndThenWithAWarningNamingThem() {
        Settings settings = new Settings(Map.of(Settings.ALLOW_INSECURE_GATEWAYS, "true",
                Settings.RATES_ECB_URL, "http://127.0.0.1:9000/daily.xml",
                "KASSA_PLUGINS_STRIPE_API_BASE", "http://127.0.0.1:12111"));

        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000/daily.xml")), settings.ratesEcbUrl());
        assertEquals(Map.of("API_BASE", "http://127.0.0.1:12111"), settings.pluginSettings("stripe"));
        assertEquals(1, settings.warnings().size(), settings.warnings()::toString);
        String warning = settings.warnings().get(0);
        assertTrue(warning.startsWith("KASSA_ALLOW_INSECURE_GATEWAYS=true"), warning);
        assertTrue(warning.contains("KASSA_RATES_ECB_URL=http://127.0.0.1:9000/daily.xml"), warning);
        assertTrue(warning.contains("KASSA_PLUGINS_STRIPE_API_BASE=http://127.0.0.1:12111"), warning);
    }

    @Test
    void pluginUrlSettingsAreGatewayUrls() {
        assertEquals(Map.of("API_BASE", "https://stripe.internal"),
                setting("KASSA_PLUGINS_STRIPE_API_BASE", "https://stripe.internal").pluginSettings("stripe"));

        assertEquals("KASSA_PLUGINS_STRIPE_API_BASE='http://127.0.0.1:12111' is not allowed: an https URL (plain http"
                + " only with KASSA_ALLOW_INSECURE_GATEWAYS=true)",
                refused("KASSA_PLUGINS_STRIPE_API_BASE", "http://127.0.0.1:12111"));
        assertEquals("KASSA_PLUGINS_LOKALPAY_STATUS_URL='ftp://lokalpay.example/status' is not allowed: an absolute"
                + " https URL", refused("KASSA_PLUGINS_LOKALPAY_STATUS_URL", "ftp://lokalpay.example/status"));
    }

    @Test
    void pluginSettingsGoToThePluginWhoseIdPrefixesThem() {
        Settings settings = new Settings(Map.of("KASSA_PLUGINS_BANK_TRANSFER_X", "1", "KASSA_PLUGINS_BANK_Y", " 2 ",
                "KASSA_PLUGINS_STRIPE_ACCOUNT_COUNTRY", "DE", Settings.PLUGINS_DIR, dir.toString()));

        assertEquals(Map.of("X", "1"), settings.pluginSettings("bank-transfer"));
        assertEquals(Map.of("TRANSFER_X", "1", "Y", "2"), settings.pluginSettings("bank"));
        assertEquals(Map.of("ACCOUNT_COUNTRY", "DE"), settings.pluginSettings("stripe"));
        assertEquals(Map.of(), settings.pluginSettings("dir"));
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void directories(@TempDir Path other) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Settings settings = new Settings(Map.of(Settings.DATA_DIR, dir.resolve("new").toString(),
                Settings.PLUGINS_DIR, other.toString(), Settings.TENANTS_DIR, other.toString()));
        assertEquals(dir.resolve("new"), settings.dataDir());
        assertEquals(other, settings.pluginsDir());
        assertEquals(Optional.of(other), settings.tenantsDir());
        assertEquals(dir.resolve("new").resolve("plugins"),
                setting(Settings.DATA_DIR, dir.resolve("new").toString()).pluginsDir());

        assertEquals("KASSA_DATA_DIR='" + file + "' is not allowed: a directory", refused(Settings.DATA_DIR,
                file.toString()));
        assertEquals("KASSA_PLUGINS_DIR='" + file + "' is not allowed: a directory", refused(Settings.PLUGINS_DIR,
                file.toString()));
        assertEquals("KASSA_TENANTS_DIR='" + dir.resolve("missing") + "' is not allowed: an existing directory",
                refused(Settings.TENANTS_DIR, dir.resolve("missing").toString()));
        refused(Settings.DATA_DIR, "nul\0in a path");
    }

    @Test
    void aRatesFileIsReadable() throws IOException {
        Path file = Files.writeString(dir.resolve("rates.xml"), "<xml/>");
        assertEquals(Optional.of(file), setting(Settings.RATES_FILE, file.toString()).ratesFile());

        assertEquals("KASSA_RATES_FILE='" + dir.resolve("missing.xml") + "' is not allowed: a readable file",
                refused(Settings.RATES_FILE, dir.resolve("missing.xml").toString()));
        refused(Settings.RATES_FILE, dir.toString());
    }

    @Test
    void everyInvalidSettingIsNamedOnALineOfItsOwn() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new Settings(Map.of(
                Settings.RATES_MAX_AGE_DAYS, "100000", Settings.JANITOR_INTERVAL, "0", Settings.QUOTE_TTL, "60")));

        assertEquals(2, e.problems().size(), e::getMessage);
        assertEquals(String.join("\n", e.problems()), e.getMessage());
    }

    @Test
    void aValueIsShownOnOneLine() {
        assertEquals("KASSA_QUOTE_TTL='6\\u000a0' is not allowed: a whole number of seconds from 1 to 86400",
                refused(Settings.QUOTE_TTL, "6\n0"));
    }

    @Test
    void aKassaNameNobodyReadsIsWarnedAbout() {
        Settings settings = new Settings(Map.of("KASSA_RATES_MAX_AGE", "5", "KASSA_HTTP_PORT", "9090",
                "KASSA_JAVA_OPTS", "-Xmx1g"));

        assertEquals(List.of("KASSA_RATES_MAX_AGE is not a Kassa setting and is ignored (see docs/operators.md)"),
                settings.warnings());
    }

    private static Settings setting(String name, String value) {
        return new Settings(Map.of(name, value));
    }

    /** The one line that refuses {@code base} with {@code name=value} added (nothing added when value is null). */
    private static String refusedWith(Map<String, String> base, String name, String value) {
        Map<String, String> values = new java.util.HashMap<>(base);
        if (value != null) {
            values.put(name, value);
        }
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new Settings(values),
                name + "=" + value);
        assertEquals(1, e.problems().size(), e::getMessage);
        String line = e.problems().get(0);
        assertFalse(line.contains("s3cret"), line);
        return line;
    }

    /** The one line that refuses {@code name=value}. */
    private static String refused(String name, String value) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> setting(name, value),
                name + "=" + value);
        assertEquals(1, e.problems().size(), e::getMessage);
        String line = e.problems().get(0);
        assertTrue(line.startsWith(name + "=") || line.startsWith(name + " ("), line);
        assertFalse(line.contains("\n"), line);
        return line;
    }
}
