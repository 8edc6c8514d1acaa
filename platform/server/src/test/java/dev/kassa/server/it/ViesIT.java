package dev.kassa.server.it;

import static dev.kassa.testkit.Json.obj;
import static dev.kassa.testkit.Json.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.EmbeddedDatabase;
import dev.kassa.testkit.Eventually;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import dev.kassa.testkit.vies.ViesFake;
import dev.kassa.testkit.vies.ViesFake.Answer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payers' VAT IDs checked with VIES (a local fake, {@code KASSA_VIES_URL}) over HTTP: the answer and
 * its consultation number kept on the payer; an outage leaves the check PENDING, never INVALID, and
 * the worker asks again; only a VAT ID VIES confirmed is reverse-charged; the invoice keeps the check
 * and the evidences of the customer's location.
 */
@ExtendWith(KassaExtension.class)
class ViesIT {
    /** A German VAT ID no other test uses: the fake is shared by the whole run. */
    private static String germanVatId() {
        return "DE" + (100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000));
    }

    private static Kassa.Tenant frenchSeller(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        InvoiceIT.establish(tenant, "FR", "FR40303265045", false);
        return tenant;
    }

    private static JsonObject addCompany(Kassa.Tenant tenant, String account, String vatId) {
        ApiResponse r = tenant.api().post("accounts/" + account + "/payers", obj("type", "COMPANY", "name",
                "Analytical Engines GmbH", "country", "DE", "vatId", vatId));
        assertEquals(201, r.status(), r::toString);
        return r.object();
    }

    private static JsonObject check(Kassa.Tenant tenant, String account, String payer) {
        return tenant.api().get("accounts/" + account + "/payers/" + payer).object().getJsonObject("vatIdCheck");
    }

    private static JsonObject finalizedInvoice(Kassa.Tenant tenant, String account, String payer) {
        String id = InvoiceIT.draftId(tenant, account, payer, InvoiceIT.line("Dedicated server", 1, "100.00"));
        ApiResponse finalized = tenant.api().post("invoices/" + id + "/finalize", null);
        assertEquals(200, finalized.status(), finalized::toString);
        return finalized.object();
    }

    private static String rule(JsonObject invoice) {
        return invoice.getJsonArray("lines").getJsonObject(0).getJsonObject("tax").getString("rule");
    }

    @Test
    void aVatIdIsCheckedWhenAddedAndTheAnswerKeptWithItsConsultationNumber(Kassa kassa, ViesFake vies) {
        Kassa.Tenant tenant = frenchSeller(kassa);
        String account = tenant.newAccount("DE");
        String vatId = germanVatId();
        vies.answer(vatId, Answer.valid("ANALYTICAL ENGINES GMBH", "HAUPTSTR. 1\n10115 BERLIN"));

        JsonObject payer = addCompany(tenant, account, vatId);
        JsonObject check = payer.getJsonObject("vatIdCheck");
        assertEquals("VALID", check.getString("status"), payer::toString);
        assertTrue(check.getString("consultationNumber").startsWith("WAPI"), check::toString);
        assertEquals("ANALYTICAL ENGINES GMBH", check.getString("name"));
        assertEquals("HAUPTSTR. 1\n10115 BERLIN", check.getString("address"));
        assertFalse(check.isNull("checkedAt"));
        assertTrue(check.isNull("lastError") && check.isNull("nextAttemptAt"), check::toString);
        JsonObject asked = vies.questions(vatId).get(0);
        assertEquals("DE", asked.getString("countryCode"));
        assertEquals(vatId.substring(2), asked.getString("vatNumber"));
        assertEquals("FR", asked.getString("requesterMemberStateCode"), "the tenant's VAT ID asks");
        assertEquals("40303265045", asked.getString("requesterNumber"));
        assertEquals(check, check(tenant, account, payer.getString("id")));

        JsonObject invoice = finalizedInvoice(tenant, account, payer.getString("id"));
        assertEquals("REVERSE_CHARGE", rule(invoice));
        JsonObject kept = invoice.getJsonObject("buyer").getJsonObject("vatIdCheck");
        assertEquals("VALID", kept.getString("status"));
        assertEquals(check.getString("consultationNumber"), kept.getString("consultationNumber"));
        finalizedInvoice(tenant, account, payer.getString("id"));
        assertEquals(1, vies.questions(vatId).size(), "a fresh valid answer is not asked again");

        ApiResponse person = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name",
                "Ada", "country", "DE"));
        assertTrue(person.object().isNull("vatIdCheck"), "no VAT ID, no check: " + person);
    }

    @Test
    void anOutageLeavesTheCheckPendingWithoutReverseChargeUntilTheWorkerGetsAnAnswer(Kassa kassa, ViesFake vies)
            throws InterruptedException {
        Kassa.Tenant tenant = frenchSeller(kassa);
        String account = tenant.newAccount("DE");
        String vatId = germanVatId();
        vies.answer(vatId, Answer.error(200, "MS_UNAVAILABLE"));

        JsonObject payer = addCompany(tenant, account, vatId);
        String payerId = payer.getString("id");
        JsonObject pending = payer.getJsonObject("vatIdCheck");
        assertEquals("PENDING", pending.getString("status"), payer::toString);
        assertEquals("MS_UNAVAILABLE", pending.getString("lastError"));
        assertFalse(pending.isNull("nextAttemptAt"));
        assertTrue(pending.isNull("consultationNumber") && pending.isNull("checkedAt"), pending::toString);

        JsonObject whilePending = finalizedInvoice(tenant, account, payerId);
        assertEquals("B2C_DESTINATION", rule(whilePending), "no reverse charge without a valid answer");
        assertEquals("19.00", whilePending.getJsonObject("vat").getString("amount"));
        assertEquals("PENDING", whilePending.getJsonObject("buyer").getJsonObject("vatIdCheck").getString("status"));

        vies.answer(vatId, Answer.error(500, "SERVICE_UNAVAILABLE"), Answer.valid("ANALYTICAL ENGINES GMBH", "---"));
        Eventually.until(() -> "VALID".equals(check(tenant, account, payerId).getString("status")),
                "the worker checks the VAT ID again after the outage");
        JsonObject valid = check(tenant, account, payerId);
        assertTrue(valid.getString("consultationNumber").startsWith("WAPI"), valid::toString);
        assertTrue(valid.isNull("address"), "--- is nothing disclosed");
        assertTrue(vies.questions(vatId).size() >= 3, "asked again after each outage");

        JsonObject afterwards = finalizedInvoice(tenant, account, payerId);
        assertEquals("REVERSE_CHARGE", rule(afterwards));
        assertEquals("0.00", afterwards.getJsonObject("vat").getString("amount"));
    }

    /** Makes the payer's last VIES answer two days old, as if time had passed. */
    private static void age(EmbeddedDatabase database, String payerId) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(KassaExtension.DATABASE), database.user(),
                database.password());
             PreparedStatement s = c.prepareStatement(
                     "update payers set vat_checked_at = vat_checked_at - interval '2 days' where id = ?")) {
            s.setString(1, payerId);
            assertEquals(1, s.executeUpdate());
        }
    }

    @Test
    void anAnswerOlderThanADayIsAskedAgainBeforeAReverseChargeAndAnOutageThenKeepsIt(Kassa kassa, ViesFake vies,
            EmbeddedDatabase database) throws SQLException {
        Kassa.Tenant tenant = frenchSeller(kassa);
        String account = tenant.newAccount("DE");
        String vatId = germanVatId();
        String payerId = addCompany(tenant, account, vatId).getString("id");
        String first = check(tenant, account, payerId).getString("consultationNumber");

        age(database, payerId);
        JsonObject renewed = finalizedInvoice(tenant, account, payerId);
        assertEquals(2, vies.questions(vatId).size(), "asked again: the answer was two days old");
        assertEquals("REVERSE_CHARGE", rule(renewed));
        String second = check(tenant, account, payerId).getString("consultationNumber");
        assertFalse(second.equals(first), "a new consultation number");
        assertEquals(second, renewed.getJsonObject("buyer").getJsonObject("vatIdCheck").getString("consultationNumber"));
        Instant checkedAt = Instant.parse(check(tenant, account, payerId).getString("checkedAt"));
        assertTrue(checkedAt.isAfter(Instant.now().minusSeconds(600)), checkedAt::toString);

        age(database, payerId);
        vies.answer(vatId, Answer.error(200, "MS_UNAVAILABLE"));
        JsonObject duringOutage = finalizedInvoice(tenant, account, payerId);
        assertEquals(3, vies.questions(vatId).size());
        assertEquals("REVERSE_CHARGE", rule(duringOutage), "the last valid answer stands through an outage");
        JsonObject kept = check(tenant, account, payerId);
        assertEquals("VALID", kept.getString("status"), kept::toString);
        assertEquals(second, kept.getString("consultationNumber"));
        assertEquals("MS_UNAVAILABLE", kept.getString("lastError"));
        assertFalse(kept.isNull("nextAttemptAt"));
    }

    @Test
    void anInvalidVatIdIsChargedTheCustomersRateAndANewVatIdIsCheckedAgain(Kassa kassa, ViesFake vies) {
        Kassa.Tenant tenant = frenchSeller(kassa);
        String account = tenant.newAccount("DE");
        String invalid = germanVatId();
        vies.answer(invalid, Answer.invalid());
        JsonObject payer = addCompany(tenant, account, invalid);
        String payerId = payer.getString("id");
        assertEquals("INVALID", payer.getJsonObject("vatIdCheck").getString("status"), payer::toString);

        JsonObject invoice = finalizedInvoice(tenant, account, payerId);
        assertEquals("B2C_DESTINATION", rule(invoice));
        assertEquals("INVALID", invoice.getJsonObject("buyer").getJsonObject("vatIdCheck").getString("status"));

        String corrected = germanVatId();
        ApiResponse changed = tenant.api().send("PATCH", "accounts/" + account + "/payers/" + payerId,
                obj("vatId", corrected), java.util.Map.of());
        assertEquals(200, changed.status(), changed::toString);
        assertEquals("VALID", changed.object().getJsonObject("vatIdCheck").getString("status"), changed::toString);
        assertEquals(1, vies.questions(corrected).size());
        assertEquals("REVERSE_CHARGE", rule(finalizedInvoice(tenant, account, payerId)));

        ApiResponse removed = tenant.api().send("PATCH", "accounts/" + account + "/payers/" + payerId,
                obj("vatId", raw("null")), java.util.Map.of());
        assertEquals(200, removed.status(), removed::toString);
        assertTrue(removed.object().isNull("vatIdCheck"), removed::toString);
    }

    @Test
    void theInvoiceKeepsTheEvidencesOfTheCustomersLocation(Kassa kassa) {
        Kassa.Tenant tenant = frenchSeller(kassa);
        String account = tenant.newAccount("FR");
        ApiResponse person = tenant.api().post("accounts/" + account + "/payers", obj("type", "PERSON", "name",
                "Ada", "country", "DE", "address", raw(obj("line1", "Hauptstr. 1", "city", "Berlin", "country",
                        "DE"))));
        assertEquals(201, person.status(), person::toString);
        String draft = InvoiceIT.draftId(tenant, account, person.string("id"),
                InvoiceIT.line("VPS", 1, "10.00"));
        assertTrue(tenant.api().get("invoices/" + draft).object().isNull("buyer"), "a draft has no buyer yet");
        JsonObject invoice = tenant.api().post("invoices/" + draft + "/finalize", null).object();
        JsonObject buyer = invoice.getJsonObject("buyer");
        assertTrue(buyer.isNull("vatIdCheck"), buyer::toString);
        List<String> evidence = buyer.getJsonArray("locationEvidence").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("kind") + ":" + e.getString("country")).toList();
        assertEquals(List.of("PAYER_COUNTRY:DE", "BILLING_ADDRESS:DE", "ACCOUNT_COUNTRY:FR"), evidence);
        assertEquals("CONTRADICTED", buyer.getString("locationEvidenceStatus"), "the account says FR");
        assertEquals("B2C_DESTINATION", rule(invoice));
    }

    @Test
    void anotherTenantNeitherSeesNorChangesAPayersCheck(Kassa kassa) {
        Kassa.Tenant tenant = frenchSeller(kassa);
        Kassa.Tenant other = frenchSeller(kassa);
        String account = tenant.newAccount("DE");
        String payerId = addCompany(tenant, account, germanVatId()).getString("id");
        assertEquals(404, other.api().get("accounts/" + account + "/payers/" + payerId).status());
        ApiResponse changed = other.api().send("PATCH", "accounts/" + account + "/payers/" + payerId,
                obj("vatId", germanVatId()), java.util.Map.of());
        assertEquals(404, changed.status(), changed::toString);
        assertEquals("not_found", changed.code());
        assertEquals("VALID", check(tenant, account, payerId).getString("status"));
        String otherAccount = other.newAccount("DE");
        ApiResponse draft = other.api().post("accounts/" + otherAccount + "/invoices", obj("payerId", payerId,
                "lines", raw("[" + InvoiceIT.line("X", 1, "1.00") + "]")));
        assertEquals(404, draft.status(), "another tenant's payer cannot be invoiced: " + draft);
    }
}
