package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code PATCH /api/v1/accounts/{id}/payers/{payerId}}: a partial change, the rules of adding, and walls. */
@ExtendWith(KassaExtension.class)
class PayerChangeIT {

    private static ApiResponse patch(Kassa.Tenant tenant, String account, String payer, String json) {
        return tenant.api().send("PATCH", "accounts/" + account + "/payers/" + payer, json, Map.of());
    }

    private static String company(Kassa.Tenant tenant, String account) {
        ApiResponse created = tenant.api().post("accounts/" + account + "/payers", obj("type", "COMPANY",
                "name", "Engines GmbH", "country", "DE", "vatId", "DE 123.456.789",
                "address", Map.of("line1", "Hauptstr. 1", "city", "Berlin")));
        assertEquals(201, created.status(), created::toString);
        return created.string("id");
    }

    @Test
    void aChangeReplacesWhatItNamesAndKeepsTheRest(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        String payer = company(tenant, account);

        ApiResponse renamed = patch(tenant, account, payer, obj("name", "Analytical Engines GmbH"));
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Analytical Engines GmbH", renamed.string("name"));
        assertEquals("DE123456789", renamed.string("vatId"));
        assertEquals("Berlin", renamed.object().getJsonObject("address").getString("city"));

        ApiResponse moved = patch(tenant, account, payer, obj("country", "FR", "vatId", "FR 40 303 265 045",
                "address", "1 rue de la Paix, Paris"));
        assertEquals(200, moved.status(), moved::toString);
        assertEquals("FR", moved.string("country"));
        assertEquals("FR40303265045", moved.string("vatId"));
        assertEquals("1 rue de la Paix, Paris", moved.string("address"));

        ApiResponse person = patch(tenant, account, payer, obj("type", "PERSON", "vatId", null, "address", null));
        assertEquals(200, person.status(), person::toString);
        assertEquals("PERSON", person.string("type"));
        assertTrue(person.object().isNull("vatId") && person.object().isNull("address"), person::toString);
        assertEquals("Analytical Engines GmbH", person.string("name"));

        JsonObject read = tenant.api().get("accounts/" + account + "/payers/" + payer).object();
        assertEquals("PERSON", read.getString("type"));
        assertEquals("FR", read.getString("country"));
    }

    @Test
    void badInputIsA422NamingEachFieldAndChangesNothing(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount();
        String payer = company(tenant, account);

        ApiResponse bad = patch(tenant, account, payer, obj("type", "ROBOT", "name", " ", "country", "de",
                "vatId", "x".repeat(21)));
        assertEquals(422, bad.status(), bad::toString);
        assertEquals("request.invalid", bad.code());
        Set<String> errors = bad.object().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field") + ":" + e.getString("code")).collect(Collectors.toSet());
        assertEquals(Set.of("type:invalid", "name:blank", "country:country.invalid", "vatId:too_long"), errors);

        ApiResponse otherCountry = patch(tenant, account, payer, obj("country", "FR"));
        assertEquals(422, otherCountry.status(), "the kept German VAT ID does not fit France: " + otherCountry);
        assertTrue(otherCountry.body().contains("\"field\":\"vatId\"") && otherCountry.body().contains("vat_id.invalid"),
                otherCountry::toString);
        ApiResponse badVat = patch(tenant, account, payer, obj("vatId", "DE12"));
        assertEquals(422, badVat.status(), badVat::toString);
        assertTrue(badVat.body().contains("vat_id.invalid"), badVat::toString);
        ApiResponse notAString = patch(tenant, account, payer, obj("name", 42));
        assertEquals(422, notAString.status(), notAString::toString);
        ApiResponse notAnObject = tenant.api().send("PATCH", "accounts/" + account + "/payers/" + payer, "[]", Map.of());
        assertEquals(400, notAnObject.status(), notAnObject::toString);

        JsonObject kept = tenant.api().get("accounts/" + account + "/payers/" + payer).object();
        assertEquals("Engines GmbH", kept.getString("name"));
        assertEquals("DE", kept.getString("country"));
        assertEquals("DE123456789", kept.getString("vatId"));
    }

    @Test
    void anotherTenantsOrAccountsPayerIsNotFoundAndStaysAsItWas(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        Kassa.Tenant other = kassa.newTenant();
        String account = tenant.newAccount();
        String payer = company(tenant, account);
        String otherAccount = other.newAccount();
        String sameTenantOtherAccount = tenant.newAccount();

        for (ApiResponse refused : List.of(
                patch(other, account, payer, obj("name", "Mallory")),
                patch(other, otherAccount, payer, obj("name", "Mallory")),
                patch(tenant, sameTenantOtherAccount, payer, obj("name", "Mallory")))) {
            assertEquals(404, refused.status(), refused::toString);
            assertEquals("not_found", refused.code());
        }
        assertEquals("Engines GmbH", tenant.api().get("accounts/" + account + "/payers/" + payer).string("name"));
    }
}
