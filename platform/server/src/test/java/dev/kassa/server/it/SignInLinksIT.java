package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiClient;
import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tenant's two ways of letting a customer into the client area, over HTTP: a sign-in link for
 * single sign-on, and an invitation that mails a set-password link (waiting in the outbox, since
 * the shared server has no SMTP settings). Another tenant's account is not found.
 */
@ExtendWith(KassaExtension.class)
class SignInLinksIT {

    @Test
    void aSignInLinkPointsAtTheTenantsClientAreaAndWorksForFiveMinutes(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        Instant before = Instant.now();

        ApiResponse link = tenant.api().post("accounts/" + account + "/sign-in-links", obj("returnTo", "/payments?tab=history"));
        ApiResponse plain = tenant.api().post("accounts/" + account + "/sign-in-links", "{}");

        assertEquals(201, link.status(), link::toString);
        assertEquals(201, plain.status(), plain::toString);
        String prefix = "http://" + tenant.slug() + ".localhost:" + kassa.process().port() + "/sign-in/link?token=";
        assertTrue(link.string("url").startsWith(prefix), link::toString);
        assertTrue(link.string("url").substring(prefix.length()).matches("[A-Za-z0-9_-]{43}"), link::toString);
        assertTrue(!link.string("url").equals(plain.string("url")), "a token of its own each time");
        assertAbout(before.plus(Duration.ofMinutes(5)), link.string("expiresAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "payments", "/a//b"})
    void aReturnToOutsideTheClientAreaIsRefused(String returnTo, Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();

        ApiResponse refused = tenant.api().post("accounts/" + account + "/sign-in-links", obj("returnTo", returnTo));

        assertEquals(422, refused.status(), refused::toString);
        assertEquals("request.invalid", refused.code());
        JsonObject error = refused.object().getJsonArray("errors").getJsonObject(0);
        assertEquals("returnTo", error.getString("field"));
        assertEquals("return_to.invalid", error.getString("code"));
    }

    @Test
    void anInvitationIsMailedThroughTheOutboxAndReturned(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        String email = tenant.api().get("accounts/" + account).string("email");
        Instant before = Instant.now();

        ApiResponse invited = tenant.api().send("POST", "accounts/" + account + "/invitations", null, Map.of());

        assertEquals(201, invited.status(), invited::toString);
        assertTrue(invited.string("url").startsWith("http://" + tenant.slug() + ".localhost:" + kassa.process().port()
                + "/set-password?token="), invited::toString);
        assertAbout(before.plus(Duration.ofHours(72)), invited.string("expiresAt"));
        List<JsonObject> mails = outboxMails(kassa.operator(), email);
        assertEquals(1, mails.size(), mails::toString);
        JsonObject mail = mails.get(0);
        assertEquals("account.invitation", mail.getString("kind"));
        assertEquals("PENDING", mail.getString("status"), mail::toString);
        assertEquals(tenant.id(), mail.getString("tenantId"));
        assertEquals(account, mail.getString("accountId"));
    }

    @Test
    void anotherTenantsAccountIsNotFound(Kassa kassa) {
        Kassa.Tenant owner = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        String account = owner.newAccount();
        String email = owner.api().get("accounts/" + account).string("email");

        ApiResponse link = other.api().post("accounts/" + account + "/sign-in-links", "{}");
        ApiResponse invitation = other.api().send("POST", "accounts/" + account + "/invitations", null, Map.of());
        ApiResponse unknown = owner.api().post("accounts/acc_doesnotexist/sign-in-links", "{}");

        assertEquals(404, link.status(), link::toString);
        assertEquals("not_found", link.code());
        assertEquals(404, invitation.status(), invitation::toString);
        assertEquals("not_found", invitation.code());
        assertEquals(404, unknown.status(), unknown::toString);
        assertTrue(outboxMails(kassa.operator(), email).isEmpty(), "no mail for another tenant's account");
        assertEquals(401, kassa.anonymous().post("accounts/" + account + "/sign-in-links", "{}").status());
    }

    private static void assertAbout(Instant expected, String actual) {
        Duration off = Duration.between(expected, Instant.parse(actual)).abs();
        assertTrue(off.compareTo(Duration.ofSeconds(30)) < 0, () -> actual + " is not about " + expected);
    }

    private static List<JsonObject> outboxMails(ApiClient operator, String recipient) {
        List<JsonObject> found = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            ApiResponse r = operator.get("operator/outbox?limit=200" + (after == null ? "" : "&after=" + after));
            assertEquals(200, r.status(), r::toString);
            r.items().getValuesAs(JsonObject.class).stream()
                    .filter(m -> m.getString("recipient").equals(recipient)).forEach(found::add);
            if (r.object().isNull("next")) {
                break;
            }
            after = r.object().getString("next");
        }
        return found;
    }
}
