package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.clientarea.ClientAreaClient;
import dev.kassa.testkit.clientarea.ClientAreaClient.Page;
import dev.kassa.testkit.clientarea.ClientAreas;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client area over HTTP, as a browser without JavaScript uses it: hosts to tenants, signing in
 * and out, sessions, CSRF and origin checks, sign-in links, the language switch, and walls between
 * tenants. The browser tests drive the same pages in Chromium.
 */
@ExtendWith(KassaExtension.class)
class ClientAreaIT {
    private static final String HOSTILE = "<script>alert('x')</script>";

    @Test
    void anUnknownHostGetsANeutralNotFoundPageWithTheSecurityHeaders(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreas.open(kassa, tenant);
        Page page = new ClientAreaClient(kassa.process().baseUri(), "nobody.localhost").get("/sign-in");

        assertEquals(404, page.status(), page::toString);
        assertFalse(page.body().contains(tenant.slug()), page.body());
        assertFalse(page.body().contains("data-test=\"sign-in-email\""), page.body());
        String csp = page.header("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("'nonce-") && !csp.contains("unsafe-inline"),
                csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void aCustomerInvitedChoosesAPasswordSignsInSeesTheBalanceAndSignsOut(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        String account = ClientAreas.newCustomer(tenant, "Ada Lovelace", "DE");
        tenant.fund(account, "1234.56");

        Page start = browser.get("/");
        assertEquals(303, start.status(), start::toString);
        assertEquals("/sign-in", start.location());
        ClientAreas.signIn(tenant, account, browser);
        String session = browser.cookie("kassa_session").orElseThrow();
        Page home = browser.get("/");
        assertEquals(200, home.status(), home::toString);
        assertTrue(home.body().contains("Ada Lovelace"), home.body());
        assertTrue(home.body().contains("€1,234.56"), home.body());
        assertTrue(home.body().contains(tenant.api().get("accounts/" + account).string("reference")), home.body());

        Page out = browser.post("/sign-out", Map.of());
        assertEquals(303, out.status(), out::toString);
        assertTrue(out.setCookies().stream().anyMatch(c -> c.startsWith("kassa_session=;") && c.contains("Max-Age=0")),
                out::toString);
        ClientAreaClient replay = new ClientAreaClient(kassa.process().baseUri(), ClientAreas.hostOf(tenant));
        assertEquals(303, replayWithSession(replay, session).status(), "the ended session opens nothing");
    }

    @Test
    void aPasswordSignInStartsANewSessionAndAWrongOneSaysSoWithoutSayingWhy(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        String account = ClientAreas.newCustomer(tenant, "Grace", "DE");
        String email = tenant.api().get("accounts/" + account).string("email");
        ClientAreas.signIn(tenant, account, browser);
        String first = browser.cookie("kassa_session").orElseThrow();
        browser.post("/sign-out", Map.of());

        browser.get("/sign-in");
        Page wrong = browser.post("/sign-in", Map.of("email", email, "password", "not the password"));
        Page unknown = browser.post("/sign-in", Map.of("email", "nobody@example.com", "password", "not the password"));
        assertEquals(422, wrong.status(), wrong::toString);
        assertEquals(422, unknown.status(), unknown::toString);
        assertTrue(wrong.body().contains("The e-mail address or the password is not right."), wrong.body());
        assertEquals(wrong.body().replace(email, "nobody@example.com").replaceAll("value=\"[^\"]+\"", ""),
                unknown.body().replaceAll("value=\"[^\"]+\"", ""), "an unknown address reads the same");

        Page right = browser.post("/sign-in", Map.of("email", email, "password", ClientAreas.PASSWORD,
                "returnTo", "/?from=mail"));
        assertEquals(303, right.status(), right::toString);
        assertEquals("/?from=mail", right.location());
        String cookie = right.setCookies().stream().filter(c -> c.startsWith("kassa_session=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), cookie);
        assertNotEquals(first, browser.cookie("kassa_session").orElseThrow(), "a new session id on sign-in");
        assertEquals(200, browser.get("/").status());

        Page away = browser.post("/sign-in", Map.of("email", email, "password", ClientAreas.PASSWORD,
                "returnTo", "//evil.example/steal"));
        assertEquals("/", away.location(), "never back to another host");
    }

    @Test
    void aFormWithoutItsTokenOrFromAnotherOriginIsRefusedAndChangesNothing(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        tenant.api().put("themes/french", obj("enabled", true, "countries", List.of("*")));
        String account = ClientAreas.newCustomer(tenant, "Ada", "DE");
        ClientAreas.signIn(tenant, account, browser);

        Page noToken = browser.postAsIs("/language", Map.of("locale", "fr"), Map.of("Origin", browser.origin()));
        Page otherOrigin = browser.postAsIs("/language", Map.of("locale", "fr", "csrf", browser.csrf()),
                Map.of("Origin", "http://evil.example"));
        Page noOrigin = browser.postAsIs("/language", Map.of("locale", "fr", "csrf", browser.csrf()), Map.of());
        Page signOut = browser.postAsIs("/sign-out", Map.of("csrf", "wrong"), Map.of("Origin", browser.origin()));

        for (Page refused : List.of(noToken, otherOrigin, noOrigin, signOut)) {
            assertEquals(403, refused.status(), refused::toString);
            assertTrue(refused.body().contains("data-test=\"notice-error\""), refused.body());
        }
        assertTrue(tenant.api().get("accounts/" + account).object().isNull("locale"), "the language did not change");
        assertEquals(200, browser.get("/").status(), "still signed in");

        Page chosen = browser.post("/language", Map.of("locale", "fr", "returnTo", "/"));
        assertEquals(303, chosen.status(), chosen::toString);
        assertEquals("fr", tenant.api().get("accounts/" + account).string("locale"));
        assertTrue(browser.get("/").body().contains("<html lang=\"fr\""));
    }

    @Test
    void aSignInLinkWorksOnceForFiveMinutesAndOnlyOnItsTenantsHost(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        ClientAreaClient elsewhere = ClientAreas.open(kassa, other);
        String account = ClientAreas.newCustomer(tenant, "Ada", "DE");

        ApiResponse issued = tenant.api().post("accounts/" + account + "/sign-in-links", obj("returnTo", "/?tab=1"));
        assertEquals(201, issued.status(), issued::toString);
        URI link = URI.create(issued.string("url"));
        String path = link.getRawPath() + "?" + link.getRawQuery();
        assertEquals("/sign-in/link", link.getRawPath());

        assertEquals(410, elsewhere.get(path).status(), "another tenant's host knows no such link");
        Page used = browser.get(path);
        assertEquals(303, used.status(), used::toString);
        assertEquals("/?tab=1", used.location());
        assertEquals(200, browser.get("/").status());
        Page again = new ClientAreaClient(kassa.process().baseUri(), ClientAreas.hostOf(tenant)).get(path);
        assertEquals(410, again.status(), "single use");
    }

    @Test
    void aSessionOpensNothingOnAnotherTenantsHostAndPagesEscapeWhatCustomersTyped(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        ClientAreas.open(kassa, other);
        String account = ClientAreas.newCustomer(tenant, HOSTILE, "DE");
        ClientAreas.signIn(tenant, account, browser);

        Page home = browser.get("/");
        assertFalse(home.body().contains(HOSTILE), home.body());
        assertTrue(home.body().contains("&lt;script&gt;"), home.body());

        String session = browser.cookie("kassa_session").orElseThrow();
        ClientAreaClient theirs = new ClientAreaClient(kassa.process().baseUri(), ClientAreas.hostOf(other));
        Page there = replayWithSession(theirs, session);
        assertEquals(303, there.status(), "the session is this tenant's only: " + there);
        Page signIn = theirs.follow(there);
        assertFalse(signIn.body().contains(tenant.slug()), signIn.body());
        assertTrue(signIn.body().contains(other.slug()), signIn.body());
    }

    @Test
    void forgotPasswordAnswersTheSameForAnyAddress(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ClientAreaClient browser = ClientAreas.open(kassa, tenant);
        String account = ClientAreas.newCustomer(tenant, "Ada", "DE");
        String email = tenant.api().get("accounts/" + account).string("email");

        browser.get("/forgot-password");
        Page known = browser.post("/forgot-password", Map.of("email", email));
        browser.get("/forgot-password");
        Page unknown = browser.post("/forgot-password", Map.of("email", "nobody@example.com"));
        assertEquals(200, known.status(), known::toString);
        assertEquals(known.body().replace(email, "x").replaceAll("value=\"[^\"]+\"", ""),
                unknown.body().replace("nobody@example.com", "x").replaceAll("value=\"[^\"]+\"", ""));
        browser.get("/forgot-password");
        assertEquals(422, browser.post("/forgot-password", Map.of("email", "not an address")).status());
    }

    private static Page replayWithSession(ClientAreaClient browser, String session) {
        return browser.getWithCookie("/", "kassa_session", session);
    }
}
