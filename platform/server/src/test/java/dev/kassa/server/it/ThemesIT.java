package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.theme.ThemeJars;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Json;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Themes on the real server: the shipped theme jars installed like every plugin, a tenant turning
 * french on for some countries and replacing texts, another tenant seeing none of it, and a
 * tenant's child theme dropped in and picked up by a reload, with settings and texts surviving.
 */
@ExtendWith(KassaExtension.class)
class ThemesIT {

    @Test
    void theShippedThemesArePluginsATenantTurnsOnAndWhoseTextsItReplaces(Kassa kassa) {
        ApiResponse plugins = kassa.operator().get("operator/plugins");
        for (String id : List.of("english", "french")) {
            JsonObject plugin = plugin(plugins, id).orElseThrow(() -> new AssertionError(plugins.toString()));
            assertEquals("STARTED", plugin.getString("state"));
            assertEquals(id + ".jar", plugin.getString("file"));
            assertEquals(0, plugin.getJsonArray("methods").size(), "a theme is no payment method");
        }

        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        ApiResponse themes = tenant.api().get("themes");
        assertEquals(200, themes.status(), themes::toString);
        JsonObject english = theme(themes, "english");
        assertEquals(List.of("en"), strings(english, "locales"));
        assertTrue(english.getBoolean("enabled"), "english is on for every country until set");
        assertEquals(List.of("*"), strings(english, "countries"));
        JsonObject french = theme(themes, "french");
        assertEquals("english", french.getString("parent"));
        assertEquals(List.of("fr"), strings(french, "locales"));
        assertEquals(false, french.getBoolean("enabled"));

        ApiResponse on = tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("FR", "BE")));
        assertEquals(200, on.status(), on::toString);
        assertEquals(List.of("FR", "BE"), strings(on.object(), "countries"));
        assertTrue(theme(tenant.api().get("themes"), "french").getBoolean("enabled"));
        assertEquals(404, tenant.api().put("themes/klingon", obj("enabled", true, "countries", List.of("*")))
                .status());
        ApiResponse badCountries = tenant.api().put("themes/french", obj("enabled", true, "countries",
                List.of("FR", "XX", "FR")));
        assertEquals(422, badCountries.status(), badCountries::toString);
        assertEquals("request.invalid", badCountries.code());
        assertTrue(badCountries.body().contains("country.invalid") && badCountries.body().contains("duplicate"),
                badCountries::toString);

        assertEquals("{}", tenant.api().get("settings/texts/fr").body().replace(" ", ""));
        ApiResponse unknown = tenant.api().put("settings/texts/fr", obj("nav.payers", "Clients",
                "nav.paymnts", "Paiements"));
        assertEquals(422, unknown.status(), unknown::toString);
        assertEquals("texts.unknown_key", unknown.code());
        assertTrue(unknown.body().contains("\"field\":\"nav.paymnts\""), unknown::toString);
        ApiResponse set = tenant.api().put("settings/texts/fr", obj("nav.payers", "Clients", "nav.profile",
                "Mon compte"));
        assertEquals(200, set.status(), set::toString);
        assertEquals("Clients", set.string("nav.payers"));
        ApiResponse removed = tenant.api().put("settings/texts/fr", obj("nav.profile", ""));
        assertEquals(Map.of("nav.payers", "Clients"), texts(removed));
        assertEquals("request.invalid", tenant.api().put("settings/texts/fr", Json.obj("nav.payers", 5)).code());
        assertEquals(404, tenant.api().get("settings/texts/tlh").status());

        assertEquals(false, theme(other.api().get("themes"), "french").getBoolean("enabled"),
                "another tenant's settings");
        assertEquals(Map.of(), texts(other.api().get("settings/texts/fr")), "another tenant's texts");
        other.api().put("themes/french", obj("enabled", false, "countries", List.of("*")));
        other.api().put("settings/texts/fr", obj("nav.payers", "Payeurs à nous"));
        assertTrue(theme(tenant.api().get("themes"), "french").getBoolean("enabled"));
        assertEquals(Map.of("nav.payers", "Clients"), texts(tenant.api().get("settings/texts/fr")));
        assertEquals(401, kassa.anonymous().get("themes").status());
        assertEquals(401, kassa.operator().get("settings/texts/fr").status(), "a tenant's endpoint");
    }

    @Test
    void theThemesStaticFilesAreServedThroughTheChainAndNothingElse(Kassa kassa) {
        ApiResponse css = kassa.anonymous().get("/theme-assets/french/theme.css");
        assertEquals(200, css.status(), css::toString);
        assertTrue(css.contentType().startsWith("text/css"), css.contentType());
        assertTrue(css.body().contains("--kassa-primary"), "english's style sheet, through french");
        assertEquals("nosniff", css.header("X-Content-Type-Options"));
        for (String path : List.of("/theme-assets/french/missing.css", "/theme-assets/klingon/theme.css",
                "/theme-assets/french/theme.js", "/theme-assets/english/messages/en.properties",
                "/theme-assets/english/../templates/layout.html")) {
            assertEquals(404, kassa.anonymous().get(path).status(), path);
        }
    }

    @Test
    void aChildThemeDroppedInIsPickedUpByAReloadAndSettingsAndTextsSurviveIt(Kassa kassa, @TempDir Path work)
            throws IOException {
        Kassa.Tenant tenant = kassa.newTenant();
        tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("FR")));
        tenant.api().put("settings/texts/fr", obj("nav.payers", "Clients"));
        String id = "acme-" + Long.toString(System.nanoTime(), 36);
        Path jar = kassa.process().pluginsDir().resolve(id + ".jar");
        Files.copy(ThemeJars.child(work, id, "french", "1.2.3",
                Map.of("messages/fr.properties", "acme.tagline=Hébergé chez Acme\n")), jar);
        try {
            assertEquals(404, tenant.api().put("themes/" + id, obj("enabled", true, "countries", List.of("FR")))
                    .status(), "not loaded before the reload");
            ApiResponse reloaded = kassa.operator().post("operator/plugins/reload", "{}");
            assertEquals(200, reloaded.status(), reloaded::toString);
            assertEquals("1.2.3", plugin(reloaded, id).orElseThrow().getString("version"));
            assertEquals("STARTED", plugin(reloaded, "french").orElseThrow().getString("state"));

            JsonObject child = theme(tenant.api().get("themes"), id);
            assertEquals("french", child.getString("parent"));
            assertEquals(List.of("fr"), strings(child, "locales"), "a child speaks its parent's locales");
            assertEquals(id, child.getString("plugin"));
            assertEquals(200, tenant.api().put("themes/" + id, obj("enabled", true, "countries", List.of("FR")))
                    .status());
            ApiResponse tagline = tenant.api().put("settings/texts/fr", obj("acme.tagline", "Chez Acme"));
            assertEquals(Map.of("nav.payers", "Clients", "acme.tagline", "Chez Acme"), texts(tagline),
                    "a key of the new theme");
            assertTrue(theme(tenant.api().get("themes"), "french").getBoolean("enabled"), "kept over the reload");
        } finally {
            Files.deleteIfExists(jar);
            kassa.operator().post("operator/plugins/reload", "{}");
        }
        assertTrue(tenant.api().get("themes").items().getValuesAs(JsonObject.class).stream()
                .noneMatch(t -> t.getString("id").equals(id)));
        assertEquals(Map.of("nav.payers", "Clients", "acme.tagline", "Chez Acme"),
                texts(tenant.api().get("settings/texts/fr")), "texts outlive the theme that defined them");
        assertEquals("texts.unknown_key", tenant.api().put("settings/texts/fr", obj("acme.tagline", "x")).code());
    }

    private static Optional<JsonObject> plugin(ApiResponse list, String id) {
        return list.items().getValuesAs(JsonObject.class).stream().filter(p -> p.getString("id").equals(id))
                .findFirst();
    }

    private static JsonObject theme(ApiResponse list, String id) {
        return list.items().getValuesAs(JsonObject.class).stream().filter(t -> t.getString("id").equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " not in " + list));
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Map<String, String> texts(ApiResponse response) {
        assertEquals(200, response.status(), response::toString);
        Map<String, String> out = new java.util.TreeMap<>();
        response.object().forEach((k, v) -> out.put(k, ((JsonString) v).getString()));
        return out;
    }
}
