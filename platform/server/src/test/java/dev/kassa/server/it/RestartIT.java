package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Fixtures;
import dev.kassa.testkit.KassaProcess;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./kassa run} promises, on its embedded default (an H2 file in the data dir): the demo
 * tenant is provisioned from {@code tenants/}, credentials are shown once and kept in a private file,
 * and a second start keeps every datum and duplicates nothing.
 */
class RestartIT {

    @Test
    void aSecondStartKeepsAllDataAndProvisionsNothingTwice(@TempDir Path temp) throws IOException {
        Path data = temp.resolve("data");
        Path tenants = temp.resolve("tenants");
        Files.createDirectories(tenants.resolve("demo"));
        Path repoDemo = Path.of(System.getProperty("kassa.repo.dir", "../.."), "tenants", "demo");
        for (String file : List.of("tenant.json", "logo.svg")) {
            Files.copy(repoDemo.resolve(file), tenants.resolve("demo").resolve(file));
        }
        Map<String, String> env = KassaProcess.env("KASSA_DATA_DIR", data.toString(),
                "KASSA_TENANTS_DIR", tenants.toString());

        String account;
        String operatorToken;
        String apiKey;
        String credentials;
        try (KassaProcess first = KassaProcess.start(env)) {
            Path file = data.resolve("credentials.txt");
            credentials = Files.readString(file);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            operatorToken = find(credentials, "Operator token: (\\S+)");
            apiKey = find(credentials, "Tenant 'demo' API key: (\\S+)");

            ApiClient demo = new ApiClient(first.baseUri(), apiKey);
            assertEquals("demo", demo.get("tenant").string("slug"));
            assertEquals(List.of("en", "fr"), demo.get("tenant").object().getJsonArray("locales")
                    .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
            JsonObject bank = demo.get("payment-methods/bank-transfer").object().getJsonObject("settings");
            assertEquals("DE89370400440532013000", bank.getString("iban"));
            assertEquals(List.of("demo.localhost"), demo.get("settings/client-area").object().getJsonArray("hosts")
                    .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
            ApiResponse branding = demo.get("settings/branding");
            assertEquals("/branding/logo", branding.string("logo"), "the logo file beside tenant.json");
            assertEquals("Demo Hosting", branding.string("displayName"));

            account = demo.post("accounts", obj("email", "kept@example.com", "name", "Kept", "country", "DE"))
                    .string("id");

            // No rates yet, then only old ones: nothing converts, and nothing is guessed.
            String quote = obj("from", money("10.00", "USD"), "to", "EUR");
            assertEquals("rates.stale", demo.post("quotes", quote).code());
            String old = Fixtures.text("ecb/eurofxref-daily_2025-04-03.xml");
            assertEquals(201, new ApiClient(first.baseUri(), operatorToken).send("POST", "operator/exchange-rates",
                    old, Map.of("Content-Type", "application/xml")).status());
            ApiResponse stale = demo.post("quotes", quote);
            assertEquals(409, stale.status());
            assertEquals("rates.stale", stale.code());
            assertEquals("0.00", demo.get("accounts/" + account + "?displayCurrency=EUR").amount("displayBalance"));
            assertEquals("rates.stale", demo.get("accounts/" + account + "?displayCurrency=USD").code());
            String reference = demo.get("accounts/" + account).string("reference");
            assertEquals(201, demo.post("bank-transfers", obj("bankTransactionId", "persist-1", "reference", reference,
                    "amount", money("42.00", "EUR"))).status());
        }

        // The operator edits the demo definition between starts.
        Path definition = tenants.resolve("demo").resolve("tenant.json");
        Files.writeString(definition, Files.readString(definition).replace("\"Demo Hosting\"", "\"Demo Hosting SA\""));

        try (KassaProcess second = KassaProcess.start(env)) {
            ApiClient demo = new ApiClient(second.baseUri(), apiKey);
            ApiResponse kept = demo.get("accounts/" + account);
            assertEquals(200, kept.status(), kept::toString);
            assertEquals("42.00", kept.amount("balance"));
            assertEquals("Demo Hosting SA", demo.get("tenant").string("name"));
            assertEquals("Demo Hosting SA", demo.get("settings/branding").string("displayName"), "the name by default");
            assertEquals("/branding/logo", demo.get("settings/branding").string("logo"));
            assertEquals(credentials, Files.readString(data.resolve("credentials.txt")), "no new credentials");

            ApiResponse tenantsList = new ApiClient(second.baseUri(), operatorToken).get("tenants");
            assertEquals(1, tenantsList.items().size(), tenantsList::toString);
            ApiResponse verify = new ApiClient(second.baseUri(), operatorToken).get("operator/ledger/verify");
            assertTrue(verify.object().getBoolean("balanced"), verify::toString);
        }
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), () -> regex + " not in " + text);
        return m.group(1);
    }
}
