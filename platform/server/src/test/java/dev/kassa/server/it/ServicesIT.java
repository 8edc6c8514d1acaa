package dev.kassa.server.it;

import static dev.kassa.testkit.Json.money;
import static dev.kassa.testkit.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Services over HTTP: adding, reading, listing, changing and cancelling them; tenants are walls. */
@ExtendWith(KassaExtension.class)
class ServicesIT {

    static ApiResponse create(Kassa.Tenant tenant, String account, String payer, String price, String nextRenewalAt) {
        return tenant.api().post("accounts/" + account + "/services", obj("name", "VPS srv-42", "externalId", "srv-42",
                "price", money(price, "EUR"), "period", "P1M", "nextRenewalAt", nextRenewalAt, "autoRenew", true,
                "payerId", payer, "taxCategory", "STANDARD"));
    }

    @Test
    void aServiceIsAddedChangedAndCancelled(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String account = tenant.newAccount("FR");
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "FR", null);
        String other = InvoiceIT.payer(tenant, account, "COMPANY", "DE", "DE123456789");

        ApiResponse created = create(tenant, account, payer, "9.00", "2030-01-31T10:00:00Z");
        assertEquals(201, created.status(), created::toString);
        JsonObject service = created.object();
        String id = service.getString("id");
        assertTrue(id.startsWith("svc_"), id);
        assertEquals("ACTIVE", service.getString("status"));
        assertEquals("9.00", service.getJsonObject("price").getString("amount"));
        assertEquals("P1M", service.getString("period"));
        assertEquals("2030-01-31T10:00:00Z", service.getString("nextRenewalAt"));
        assertEquals("srv-42", service.getString("externalId"));
        assertTrue(service.getBoolean("autoRenew"));
        assertTrue(service.isNull("unpaidInvoiceId") && service.isNull("suspendedAt") && service.isNull("cancelAt"));

        assertEquals(id, tenant.api().get("services/" + id).string("id"));
        assertEquals(1, tenant.api().get("accounts/" + account + "/services").items().size());
        assertEquals(0, tenant.api().get("accounts/" + account + "/services?status=SUSPENDED").items().size());

        ApiResponse changed = tenant.api().send("PATCH", "services/" + id, obj("price", money("12.00", "EUR"),
                "payerId", other), Map.of());
        assertEquals(200, changed.status(), changed::toString);
        assertEquals("12.00", changed.object().getJsonObject("price").getString("amount"));
        assertEquals(other, changed.string("payerId"));
        assertTrue(changed.object().getBoolean("autoRenew"), "left out: unchanged");
        ApiResponse mismatch = tenant.api().send("PATCH", "services/" + id, obj("price", money("12.00", "USD")),
                Map.of());
        assertEquals(422, mismatch.status(), mismatch::toString);
        assertEquals("service.currency_mismatch", mismatch.code());

        ApiResponse atEnd = tenant.api().post("services/" + id + "/cancel", obj("at", "period_end"));
        assertEquals(200, atEnd.status(), atEnd::toString);
        assertEquals("ACTIVE", atEnd.string("status"));
        assertFalse(atEnd.object().getBoolean("autoRenew"));
        assertEquals("2030-01-31T10:00:00Z", atEnd.string("cancelAt"));

        ApiResponse now = tenant.api().post("services/" + id + "/cancel", obj("at", "now"));
        assertEquals(200, now.status(), now::toString);
        assertEquals("TERMINATED", now.string("status"));
        assertFalse(now.object().isNull("terminatedAt"));
        for (ApiResponse refused : List.of(tenant.api().post("services/" + id + "/cancel", obj("at", "now")),
                tenant.api().send("PATCH", "services/" + id, obj("autoRenew", true), Map.of()))) {
            assertEquals(409, refused.status(), refused::toString);
            assertEquals("service.terminated", refused.code());
        }
        assertEquals(1, tenant.api().get("accounts/" + account + "/services?status=TERMINATED").items().size());
    }

    @Test
    void anotherTenantCannotSeeChangeOrCancelAService(Kassa kassa) {
        Kassa.Tenant owner = kassa.newTenant();
        Kassa.Tenant stranger = kassa.newTenant();
        String account = owner.newAccount("FR");
        String payer = InvoiceIT.payer(owner, account, "PERSON", "FR", null);
        String id = create(owner, account, payer, "9.00", "2030-01-01T00:00:00Z").string("id");
        String strangersAccount = stranger.newAccount("FR");
        String strangersPayer = InvoiceIT.payer(stranger, strangersAccount, "PERSON", "FR", null);

        for (ApiResponse refused : List.of(stranger.api().get("services/" + id),
                stranger.api().send("PATCH", "services/" + id, obj("autoRenew", false), Map.of()),
                stranger.api().post("services/" + id + "/cancel", obj("at", "now")),
                stranger.api().get("accounts/" + account + "/services"),
                create(stranger, account, strangersPayer, "1.00", "2030-01-01T00:00:00Z"),
                create(owner, account, strangersPayer, "1.00", "2030-01-01T00:00:00Z"))) {
            assertEquals(404, refused.status(), refused::toString);
            assertEquals("not_found", refused.code());
        }
        JsonObject still = owner.api().get("services/" + id).object();
        assertEquals("ACTIVE", still.getString("status"));
        assertTrue(still.getBoolean("autoRenew"));
        assertEquals(1, owner.api().get("accounts/" + account + "/services").items().size());
        assertEquals(0, stranger.api().get("accounts/" + strangersAccount + "/services").items().size());
    }
}
