package dev.kassa.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Fixtures;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.KassaProcess;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exchange rates over HTTP: the operator uploads ECB files, tenants read the rates in force.
 * Rates are installation-wide and the server is shared by every IT of the run, so no test assumes
 * which dates are stored before it: every test uploads what it reads (uploads are idempotent).
 */
@ExtendWith(KassaExtension.class)
class ExchangeRatesIT {
    private static final String DAILY = "eurofxref-daily_2025-04-03.xml";
    private static final String NINETY_DAYS = "eurofxref-hist-90d_2025-04-04.xml";
    private static final Map<String, String> XML = Map.of("Content-Type", "application/xml");

    @Test
    void theDailyFileGivesTheRatesOfItsDateStaleToday(Kassa kassa) {
        ApiResponse upload = upload(kassa.operator(), fixture(DAILY));

        assertTrue(upload.status() == 201 || upload.status() == 200, upload::toString);
        assertEquals("ecb", upload.string("source"));
        assertEquals(List.of("2025-04-03"), concat(dates(upload, "imported"), dates(upload, "skipped")));

        ApiResponse rates = kassa.newTenant().api().get("exchange-rates?date=2025-04-03");

        assertEquals(200, rates.status(), rates::toString);
        JsonObject body = rates.object();
        assertEquals("ecb", body.getString("source"));
        assertEquals("2025-04-03", body.getString("date"));
        assertEquals("2025-04-03", body.getString("rateDate"));
        assertTrue(body.getBoolean("stale"), "rates of 2025 are too old to quote with today");
        assertEquals(4, body.getInt("maxAgeDays"));
        JsonObject perEuro = body.getJsonObject("rates");
        assertEquals(31, perEuro.size(), "30 currencies and the euro");
        assertEquals("1.1097", perEuro.getString("USD"));
        assertEquals("162.17", perEuro.getString("JPY"));
        assertEquals("0.84163", perEuro.getString("GBP"));
        assertEquals("18547.91", perEuro.getString("IDR"));
        assertEquals("1", perEuro.getString("EUR"));
    }

    @Test
    void uploadingTheSameFileAgainSkipsItsDate(Kassa kassa) {
        upload(kassa.operator(), fixture(DAILY));

        ApiResponse again = upload(kassa.operator(), fixture(DAILY));

        assertEquals(200, again.status(), again::toString);
        assertEquals(List.of(), dates(again, "imported"));
        assertEquals(List.of("2025-04-03"), dates(again, "skipped"));
        assertEquals("1.1097", kassa.newTenant().api().get("exchange-rates?date=2025-04-03").object()
                .getJsonObject("rates").getString("USD"));
    }

    @Test
    void theNinetyDayFileKeepsHistoryAndADateGetsTheLatestTableBeforeIt(Kassa kassa) {
        ApiResponse first = upload(kassa.operator(), fixture(NINETY_DAYS));
        ApiResponse again = upload(kassa.operator(), fixture(NINETY_DAYS));

        assertTrue(first.status() == 201 || first.status() == 200, first::toString);
        List<String> all = concat(dates(first, "imported"), dates(first, "skipped"));
        assertEquals(65, all.size());
        assertEquals("2025-01-06", all.get(0));
        assertEquals("2025-04-04", all.get(64));
        assertEquals(200, again.status(), again::toString);
        assertEquals(65, dates(again, "skipped").size());

        ApiClient tenant = kassa.newTenant().api();
        // 2025-02-01 is a Saturday: Friday's rates are in force
        ApiResponse saturday = tenant.get("exchange-rates?date=2025-02-01");
        assertEquals(200, saturday.status(), saturday::toString);
        assertEquals("2025-01-31", saturday.string("rateDate"));
        assertEquals("2025-02-01", saturday.string("date"));
        assertEquals("1.0393", saturday.object().getJsonObject("rates").getString("USD"));
        assertEquals("4.213", saturday.object().getJsonObject("rates").getString("PLN"));
        // the day itself, and an older day of the history
        assertEquals("2025-01-31", tenant.get("exchange-rates?date=2025-01-31").string("rateDate"));
        assertEquals("1.0426", tenant.get("exchange-rates?date=2025-01-06").object().getJsonObject("rates")
                .getString("USD"));
    }

    @Test
    void ratesDatedTodayAreFreshAndInForceByDefault(Kassa kassa) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String xml = fixture(DAILY).replace("time='2025-04-03'", "time='" + today + "'");
        assertTrue(xml.contains(today), "the fixture's time attribute was rewritten");

        ApiResponse upload = upload(kassa.operator(), xml);
        assertTrue(upload.status() == 201 || upload.status() == 200, upload::toString);

        ApiClient tenant = kassa.newTenant().api();
        for (ApiResponse rates : List.of(tenant.get("exchange-rates"), tenant.get("exchange-rates?date=" + today))) {
            assertEquals(200, rates.status(), rates::toString);
            assertEquals(today, rates.string("rateDate"));
            assertEquals(today, rates.string("date"));
            assertFalse(rates.object().getBoolean("stale"));
            assertEquals(0, rates.object().getInt("ageDays"));
            assertEquals("1.1097", rates.object().getJsonObject("rates").getString("USD"));
        }
    }

    @Test
    void malformedXmlIsRefusedWithTheParsersMessageAndNoTrace(Kassa kassa) {
        List<String> documents = List.of("<gesmes:Envelope><Cube>", "<html><body>502 Bad Gateway</body></html>", "",
                fixture(DAILY).replace("rate='1.1097'", "rate='1,1097'"));
        for (String document : documents) {
            ApiResponse response = upload(kassa.operator(), document);

            assertEquals(422, response.status(), () -> document + " -> " + response);
            assertEquals("rates.malformed", response.code());
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
            String detail = response.string("detail");
            assertFalse(detail.isBlank());
            assertFalse(detail.contains("Exception") || detail.contains("\tat ") || detail.contains("dev.kassa"), detail);
        }
        assertTrue(upload(kassa.operator(), "<gesmes:Envelope><Cube>").string("detail").contains("not well-formed"));
        assertTrue(upload(kassa.operator(), fixture(DAILY).replace("rate='1.1097'", "rate='1,1097'"))
                .string("detail").contains("1,1097"));
    }

    @Test
    void anUnknownSourceIsRefused(Kassa kassa) {
        ApiResponse response = kassa.operator().send("POST", "operator/exchange-rates?source=fed", fixture(DAILY), XML);

        assertEquals(422, response.status(), response::toString);
        assertEquals("rates.source_unknown", response.code());
    }

    @Test
    void theDocumentMustBeSentAsXml(Kassa kassa) {
        ApiResponse json = kassa.operator().send("POST", "operator/exchange-rates", fixture(DAILY),
                Map.of("Content-Type", "application/json"));
        ApiResponse textXml = kassa.operator().send("POST", "operator/exchange-rates", fixture(DAILY),
                Map.of("Content-Type", "text/xml; charset=UTF-8"));

        assertEquals(415, json.status(), json::toString);
        assertEquals("request.unsupported_media_type", json.code());
        assertTrue(textXml.status() == 200 || textXml.status() == 201, textXml::toString);
    }

    @Test
    void onlyTheOperatorUploadsAndOnlyTenantsRead(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();

        assertEquals(401, upload(tenant.api(), fixture(DAILY)).status());
        assertEquals(401, upload(kassa.anonymous(), fixture(DAILY)).status());
        assertEquals(401, kassa.anonymous().get("exchange-rates?date=2025-04-03").status());
        assertEquals(401, kassa.operator().get("exchange-rates?date=2025-04-03").status());
    }

    @Test
    void aDateThatIsNotADateIsInvalid(Kassa kassa) {
        ApiClient tenant = kassa.newTenant().api();
        for (String date : List.of("2025-13-01", "2025-02-30", "03.04.2025", "yesterday", "2025-4-3")) {
            ApiResponse response = tenant.get("exchange-rates?date=" + date);

            assertEquals(422, response.status(), () -> date + " -> " + response);
            assertEquals("request.invalid", response.code());
        }
    }

    @Test
    void aDateBeforeAnyRatesHasNone(Kassa kassa) {
        ApiResponse response = kassa.newTenant().api().get("exchange-rates?date=1990-01-01");

        assertEquals(404, response.status(), response::toString);
        assertEquals("rates.unavailable", response.code());
    }

    @Test
    void anIdempotencyKeyReplaysTheUpload(Kassa kassa) {
        Map<String, String> headers = Map.of("Content-Type", "application/xml",
                "Idempotency-Key", "rates-" + UUID.randomUUID());
        ApiResponse first = kassa.operator().send("POST", "operator/exchange-rates", fixture(DAILY), headers);
        ApiResponse replay = kassa.operator().send("POST", "operator/exchange-rates", fixture(DAILY), headers);

        assertTrue(first.status() == 200 || first.status() == 201, first::toString);
        assertEquals(first.status(), replay.status());
        assertEquals(first.object(), replay.object());
        assertEquals("true", replay.header("Idempotent-Replayed"));
    }

    /** The ECB source is a plugin jar installed beside the payment plugins, and listed with them. */
    @Test
    void theEcbSourceComesFromItsPluginJarListedWithTheOthers(Kassa kassa) throws IOException {
        String log = Files.readString(kassa.process().log());
        ApiResponse plugins = kassa.operator().get("operator/plugins");

        assertTrue(log.contains("Exchange-rate sources: ecb (plugin ecb-rates) (plugins directory "
                + kassa.process().pluginsDir() + ")"), "start log lacks the rate sources line");
        assertEquals(200, plugins.status(), plugins::toString);
        JsonObject ecb = plugin(plugins, "ecb-rates");
        assertEquals("STARTED", ecb.getString("state"), plugins::toString);
        assertEquals("ecb-rates.jar", ecb.getString("file"));
        assertEquals(List.of(), ecb.getJsonArray("methods"), "a rate source is no payment method");
        assertEquals("STARTED", plugin(plugins, "stripe").getString("state"), plugins::toString);
        assertEquals("STARTED", plugin(plugins, "bank-transfer").getString("state"), plugins::toString);
    }

    /**
     * A server whose plugins directory has no rate source (on the default H2) starts, says so in
     * one line, and refuses uploads saying what to do; once the ECB jar is dropped in and the
     * plugins reloaded, uploads work without a restart.
     */
    @Test
    void withoutARateSourceTheServerStartsSaysSoAndTakesRatesOnceThePluginIsDroppedIn(@TempDir Path temp)
            throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        String token = "op-" + UUID.randomUUID();
        Map<String, String> env = KassaProcess.env("KASSA_DATA_DIR", temp.resolve("data").toString(),
                "KASSA_PLUGINS_DIR", plugins.toString(), "KASSA_OPERATOR_TOKEN", token);
        try (KassaProcess server = KassaProcess.start(env)) {
            Kassa kassa = new Kassa(server, token);
            List<String> said = Files.readAllLines(server.log()).stream()
                    .filter(l -> l.contains("No exchange-rate source is installed")).toList();
            assertEquals(1, said.size(), server::tail);
            assertTrue(said.get(0).contains("(plugins directory " + plugins + "): rates can be neither uploaded"
                    + " nor fetched until a rate-source plugin such as ecb-rates.jar is put there"), said::toString);
            assertTrue(kassa.operator().get("operator/plugins").items().isEmpty());

            ApiResponse refused = upload(kassa.operator(), fixture(DAILY));
            assertEquals(422, refused.status(), refused::toString);
            assertEquals("rates.source_unknown", refused.code());
            assertTrue(refused.string("detail").contains("none is installed"), refused::toString);

            Files.copy(Path.of(System.getProperty("kassa.plugins.dir"), "ecb-rates.jar"),
                    plugins.resolve("ecb-rates.jar"));
            ApiResponse reloaded = kassa.operator().post("operator/plugins/reload", "{}");
            assertEquals("STARTED", plugin(reloaded, "ecb-rates").getString("state"), reloaded::toString);
            ApiResponse accepted = upload(kassa.operator(), fixture(DAILY));
            assertEquals(201, accepted.status(), accepted::toString);
            assertEquals("1.1097", kassa.newTenant().api().get("exchange-rates?date=2025-04-03").object()
                    .getJsonObject("rates").getString("USD"));
        }
    }

    /**
     * Rates without an upload, on a server of its own (on the default H2): the 90-day file given at
     * start, and today's rates fetched from a stand-in for the ECB a few seconds after start.
     */
    @Test
    void aServerStartedWithARatesFileAndAnEcbUrlHasRatesWithoutAnUpload(@TempDir Path temp) throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        byte[] daily = fixture(DAILY).replace("time='2025-04-03'", "time='" + today + "'")
                .getBytes(StandardCharsets.UTF_8);
        AtomicInteger fetches = new AtomicInteger();
        HttpServer ecb = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ecb.createContext("/stats/eurofxref/eurofxref-daily.xml", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, daily.length);
            exchange.getResponseBody().write(daily);
            exchange.close();
        });
        ecb.start();
        String token = "op-" + UUID.randomUUID();
        Map<String, String> env = KassaProcess.env("KASSA_DATA_DIR", temp.resolve("data").toString(),
                "KASSA_OPERATOR_TOKEN", token,
                "KASSA_RATES_FILE", Fixtures.copyTo("ecb/" + NINETY_DAYS, temp).toString(),
                "KASSA_RATES_ECB_URL",
                "http://127.0.0.1:" + ecb.getAddress().getPort() + "/stats/eurofxref/eurofxref-daily.xml",
                "KASSA_RATES_MAX_AGE_DAYS", "2", "KASSA_ALLOW_INSECURE_GATEWAYS", "true");
        try (KassaProcess server = KassaProcess.start(env)) {
            ApiClient tenant = new Kassa(server, token).newTenant().api();

            ApiResponse fromFile = tenant.get("exchange-rates?date=2025-02-01");
            assertEquals(200, fromFile.status(), fromFile::toString);
            assertEquals("2025-01-31", fromFile.string("rateDate"));

            ApiResponse current = tenant.get("exchange-rates");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!today.equals(current.object().getString("rateDate", "")) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                current = tenant.get("exchange-rates");
            }
            assertEquals(today, current.string("rateDate"), () -> "not fetched; log: " + server.tail());
            assertFalse(current.object().getBoolean("stale"));
            assertEquals(2, current.object().getInt("maxAgeDays"));
            assertEquals(1, fetches.get(), "one fetch at start, the next in 12 hours");
            String log = Files.readString(server.log());
            assertTrue(log.contains("Exchange rates from "), "file import not logged");
            assertTrue(log.contains("Exchange rates fetched from "), "fetch not logged");
        } finally {
            ecb.stop(0);
        }
    }

    private static JsonObject plugin(ApiResponse list, String id) {
        return list.items().getValuesAs(JsonObject.class).stream().filter(p -> p.getString("id").equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " not in " + list));
    }

    private static ApiResponse upload(ApiClient client, String xml) {
        return client.send("POST", "operator/exchange-rates", xml, XML);
    }

    private static String fixture(String name) {
        return Fixtures.text("ecb/" + name);
    }

    private static List<String> dates(ApiResponse response, String field) {
        JsonArray array = response.object().getJsonArray(field);
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(null);
        return all;
    }
}
