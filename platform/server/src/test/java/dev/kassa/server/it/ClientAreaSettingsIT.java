package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Json;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tenant's client-area host names and brand over HTTP: normalised and checked hosts, each held
 * by one tenant even when two ask at once, colours held to WCAG contrast, logos checked and made
 * inert, and another tenant seeing and changing none of it.
 */
@ExtendWith(KassaExtension.class)
class ClientAreaSettingsIT {
    private static final String PNG_MAGIC = "\u0089PNG\r\n\u001a\n";

    @Test
    void hostsAreNormalisedCheckedAndHeldByOneTenant(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        String id = tenant.slug();

        ApiResponse none = tenant.api().get("settings/client-area");
        assertEquals(200, none.status(), none::toString);
        assertEquals(List.of(), strings(none.object(), "hosts"));
        assertTrue(none.object().isNull("defaultTheme"));
        assertEquals(false, none.object().getBoolean("signUp"));

        ApiResponse set = tenant.api().put("settings/client-area", obj("hosts",
                List.of("Billing." + id + ".Example.com.", id + ".localhost:8080"), "defaultTheme", "french",
                "signUp", false));
        assertEquals(200, set.status(), set::toString);
        assertEquals(List.of("billing." + id + ".example.com", id + ".localhost"), strings(set.object(), "hosts"));
        assertEquals("french", set.string("defaultTheme"));
        assertEquals(strings(set.object(), "hosts"), strings(tenant.api().get("settings/client-area").object(), "hosts"));

        Map<String, String> invalid = Map.of("http://x.example.com", "invalid", "*.example.com", "invalid",
                "localhost", "invalid", "127.0.0.1", "invalid", "a..example.com", "invalid", "-a.example.com", "invalid",
                "ex ample.com", "invalid", "x.example.com/path", "invalid");
        invalid.forEach((host, code) -> {
            ApiResponse refused = tenant.api().put("settings/client-area", obj("hosts", List.of(host)));
            assertEquals(422, refused.status(), host + ": " + refused);
            assertEquals("request.invalid", refused.code(), refused::toString);
            assertTrue(refused.body().contains("\"field\":\"hosts[0]\"") && refused.body().contains("\"code\":\"" + code),
                    refused::toString);
        });
        ApiResponse twice = tenant.api().put("settings/client-area", obj("hosts", List.of("a." + id + ".com",
                "A." + id + ".com.")));
        assertEquals(422, twice.status(), twice::toString);
        assertTrue(twice.body().contains("\"field\":\"hosts[1]\"") && twice.body().contains("duplicate"), twice::toString);
        assertEquals("request.invalid", tenant.api().put("settings/client-area", "{}").code(), "hosts are required");
        ApiResponse signUp = tenant.api().put("settings/client-area", obj("hosts", List.of(), "signUp", true));
        assertEquals(422, signUp.status(), signUp::toString);
        assertEquals("client_area.sign_up_unavailable", signUp.code());
        ApiResponse theme = tenant.api().put("settings/client-area", obj("hosts", List.of(), "defaultTheme", "klingon"));
        assertEquals(422, theme.status(), theme::toString);
        assertTrue(theme.body().contains("\"field\":\"defaultTheme\""), theme::toString);
        assertEquals(strings(set.object(), "hosts"), strings(tenant.api().get("settings/client-area").object(), "hosts"),
                "a refusal changes nothing");

        ApiResponse taken = other.api().put("settings/client-area", obj("hosts", List.of("BILLING." + id
                + ".example.com")));
        assertEquals(409, taken.status(), taken::toString);
        assertEquals("client_area.host_taken", taken.code());
        assertEquals(List.of(), strings(other.api().get("settings/client-area").object(), "hosts"),
                "another tenant sees none of this tenant's hosts");
        assertTrue(other.api().get("settings/client-area").object().isNull("defaultTheme"));

        ApiResponse moved = tenant.api().put("settings/client-area", obj("hosts", List.of(id + ".localhost")));
        assertEquals(List.of(id + ".localhost"), strings(moved.object(), "hosts"));
        ApiResponse free = other.api().put("settings/client-area", obj("hosts", List.of("billing." + id
                + ".example.com")));
        assertEquals(200, free.status(), "a host given up is free for another tenant: " + free);

        assertEquals(401, kassa.anonymous().get("settings/client-area").status());
        assertEquals(401, kassa.operator().get("settings/client-area").status(), "a tenant's endpoint");
    }

    @Test
    void twoTenantsAskingForOneHostAtOnceCannotBothHaveIt(Kassa kassa) throws Exception {
        for (int round = 0; round < 3; round++) {
            Kassa.Tenant a = kassa.newTenant();
            Kassa.Tenant b = kassa.newTenant();
            String host = "race-" + a.slug() + ".example.com";
            String body = obj("hosts", List.of(host));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<ApiResponse>> both = List.of(() -> a.api().put("settings/client-area", body),
                        () -> b.api().put("settings/client-area", body));
                List<Integer> statuses = new ArrayList<>();
                for (Future<ApiResponse> f : pool.invokeAll(both)) {
                    ApiResponse r = f.get();
                    statuses.add(r.status());
                    if (r.status() == 409) {
                        assertEquals("client_area.host_taken", r.code(), r::toString);
                    }
                }
                statuses.sort(Integer::compare);
                assertEquals(List.of(200, 409), statuses);
            } finally {
                pool.shutdownNow();
            }
            int holders = (strings(a.api().get("settings/client-area").object(), "hosts").contains(host) ? 1 : 0)
                    + (strings(b.api().get("settings/client-area").object(), "hosts").contains(host) ? 1 : 0);
            assertEquals(1, holders);
        }
    }

    @Test
    void theBrandHasDefaultsAndRefusesPoorContrastWithTheRatio(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();

        ApiResponse defaults = tenant.api().get("settings/branding");
        assertEquals(200, defaults.status(), defaults::toString);
        assertEquals("Tenant " + tenant.slug(), defaults.string("displayName"), "the tenant's name by default");
        assertTrue(defaults.object().isNull("logo"));
        assertEquals(colours("#1d4ed8", "#0f766e", "#ffffff", "#1f2937"), colours(defaults));

        ApiResponse grey = tenant.api().put("settings/branding", obj("displayName", "Acme",
                "colours", colours("#1d4ed8", "#0f766e", "#ffffff", "#777777")));
        assertEquals(422, grey.status(), grey::toString);
        assertEquals("branding.contrast_too_low", grey.code());
        assertTrue(grey.object().getString("detail").contains("4.4:1"), grey::toString);
        assertTrue(grey.body().contains("\"field\":\"colours.text\""), grey::toString);
        ApiResponse yellow = tenant.api().put("settings/branding", obj("colours",
                colours("#ffff00", "#0f766e", "#ffffff", "#000000")));
        assertEquals("branding.contrast_too_low", yellow.code(), yellow::toString);
        assertTrue(yellow.object().getString("detail").contains("1.0:1"), yellow::toString);
        assertTrue(yellow.body().contains("\"field\":\"colours.primary\""), yellow::toString);

        Map<String, Object> badColours = Map.of("red", "colours.primary", "#12345", "colours.primary",
                "#1d4ed8;}", "colours.primary");
        badColours.forEach((value, field) -> {
            ApiResponse refused = tenant.api().put("settings/branding", obj("colours",
                    colours(value, "#0f766e", "#ffffff", "#1f2937")));
            assertEquals(422, refused.status(), value + ": " + refused);
            assertEquals("request.invalid", refused.code());
            assertTrue(refused.body().contains("\"field\":\"" + field + "\""), refused::toString);
        });
        ApiResponse partial = tenant.api().put("settings/branding", obj("colours", Json.raw("{\"primary\":\"#000000\"}")));
        assertEquals("request.invalid", partial.code(), "all four colours or none: " + partial);
        ApiResponse email = tenant.api().put("settings/branding", obj("supportEmail", "not an address"));
        assertEquals("request.invalid", email.code(), email::toString);

        ApiResponse dark = tenant.api().put("settings/branding", obj("displayName", "Acme Hosting",
                "colours", colours("#93C5FD", "#FBBF24", "#111827", "#F9FAFB"), "supportEmail", "help@acme.example",
                "legalFooter", "Acme Hosting Ltd, 1 High Street"));
        assertEquals(200, dark.status(), dark::toString);
        assertEquals(colours("#93c5fd", "#fbbf24", "#111827", "#f9fafb"), colours(dark), "stored in lower case");
        assertEquals("Acme Hosting", tenant.api().get("settings/branding").string("displayName"));
        assertEquals("help@acme.example", tenant.api().get("settings/branding").string("supportEmail"));

        ApiResponse others = other.api().get("settings/branding");
        assertEquals("Tenant " + other.slug(), others.string("displayName"), "another tenant's brand is its own");
        assertEquals(colours("#1d4ed8", "#0f766e", "#ffffff", "#1f2937"), colours(others));
        assertEquals(200, other.api().put("settings/branding", obj("displayName", "Other")).status());
        assertEquals("Acme Hosting", tenant.api().get("settings/branding").string("displayName"),
                "another tenant's change leaves this brand alone");

        ApiResponse reset = tenant.api().put("settings/branding", "{}");
        assertEquals(200, reset.status(), reset::toString);
        assertEquals("Tenant " + tenant.slug(), reset.string("displayName"), "left out: the default");
        assertTrue(reset.object().isNull("supportEmail"));
        assertEquals(401, kassa.anonymous().get("settings/branding").status());
    }

    @Test
    void logosArePngOrInertSvgOfAtMost256Kb(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        String hostile = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                + " onload=\"alert(1)\"><script>alert(2)</script><foreignObject><iframe src=\"https://evil.example\"/>"
                + "</foreignObject><a xlink:href=\"javascript:alert(3)\"><rect width=\"10\" height=\"10\""
                + " onclick=\"alert(4)\"/></a><image href=\"https://evil.example/track.png\"/></svg>";
        ApiResponse svg = tenant.api().put("settings/branding", obj("logo", dataUrl("image/svg+xml",
                hostile.getBytes(StandardCharsets.UTF_8))));
        assertEquals(200, svg.status(), "a hostile SVG is cleaned, not refused: " + svg);
        assertEquals("/branding/logo", svg.string("logo"));
        assertTrue(other.api().get("settings/branding").object().isNull("logo"), "another tenant has no logo");

        ApiResponse kept = tenant.api().put("settings/branding", obj("displayName", "Kept", "logo", "/branding/logo"));
        assertEquals("/branding/logo", kept.string("logo"), "the path as GET gives it keeps the logo");

        byte[] png = (PNG_MAGIC + "rest of a small image").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(200, tenant.api().put("settings/branding", obj("logo", dataUrl("image/png", png))).status());

        byte[] big = new byte[256 * 1024 + 1];
        System.arraycopy(png, 0, big, 0, png.length);
        ApiResponse tooLarge = tenant.api().put("settings/branding", obj("logo", dataUrl("image/png", big)));
        assertEquals(422, tooLarge.status(), tooLarge::toString);
        assertEquals("branding.logo_too_large", tooLarge.code());

        Map<String, String> unsupported = Map.of(
                "a GIF", dataUrl("image/gif", "GIF89a".getBytes(StandardCharsets.US_ASCII)),
                "an SVG called a PNG", dataUrl("image/png", hostile.getBytes(StandardCharsets.UTF_8)),
                "a DOCTYPE", dataUrl("image/svg+xml", ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM"
                        + " \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>")
                        .getBytes(StandardCharsets.UTF_8)),
                "no SVG", dataUrl("image/svg+xml", "<html><body/></html>".getBytes(StandardCharsets.UTF_8)),
                "not XML", dataUrl("image/svg+xml", "<svg".getBytes(StandardCharsets.UTF_8)),
                "a URL", "https://cdn.example.com/logo.png",
                "not base64", "data:image/png;base64,@@@@");
        unsupported.forEach((what, logo) -> {
            ApiResponse refused = tenant.api().put("settings/branding", obj("logo", logo));
            assertEquals(422, refused.status(), what + ": " + refused);
            assertEquals("branding.logo_unsupported", refused.code(), what + ": " + refused);
        });
        assertEquals("/branding/logo", tenant.api().get("settings/branding").string("logo"), "refusals change nothing");

        ApiResponse removed = tenant.api().put("settings/branding", obj("logo", null));
        assertNull(removed.object().isNull("logo") ? null : removed.string("logo"), "null removes the logo");
    }

    private static String dataUrl(String type, byte[] bytes) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static Json.Raw colours(String primary, String accent, String background, String text) {
        return Json.raw(obj("primary", primary, "accent", accent, "background", background, "text", text));
    }

    private static Json.Raw colours(ApiResponse branding) {
        JsonObject c = branding.object().getJsonObject("colours");
        return colours(c.getString("primary"), c.getString("accent"), c.getString("background"), c.getString("text"));
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
