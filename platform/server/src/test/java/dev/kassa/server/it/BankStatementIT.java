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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Statement files over HTTP: every credit through the bank-transfer path once per bank account and
 * bank reference (a camt.054 then the camt.053), matched by RF creditor reference, top-up reference
 * and account reference through the banks' mangling; debits recorded only; tenants walled off.
 */
@ExtendWith(KassaExtension.class)
class BankStatementIT {

    @Test
    void aNotificationThenTheStatementCreditsOnceAndMatchesEveryKindOfReference(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        String a = tenant.newAccount();
        String b = tenant.newAccount();
        String bReference = tenant.api().get("accounts/" + b).string("reference");
        ApiResponse t1 = tenant.api().post("accounts/" + a + "/top-ups",
                obj("amount", money("100.00", "EUR"), "method", "bank-transfer"));
        ApiResponse t2 = tenant.api().post("accounts/" + a + "/top-ups",
                obj("amount", money("50.00", "EUR"), "method", "bank-transfer"));
        String rf = t1.object().getJsonObject("instructions").getString("creditorReference");
        assertTrue(rf.startsWith("RF") && rf.endsWith(t1.string("reference")), rf);
        String iban = "DE" + (10 + (int) (Math.random() * 89)) + "12345678" + System.nanoTime() % 10_000_000_000L;
        String run = UUID.randomUUID().toString().substring(0, 8);

        // The intraday notification of the first credit, with the RF reference printed in groups, lower case.
        String rfPrinted = rf.toLowerCase().replaceAll("(.{4})(?=.)", "$1 ");
        String notification = camt("054", "001.02", iban, entry(run + "-1", "100.00", "CRDT", false,
                tx(null, null, null, rfPrinted, "Max Payer")));
        ApiResponse first = upload(tenant, notification, "application/xml");
        assertEquals(201, first.status(), first::toString);
        assertEquals("camt.054", first.string("format"));
        assertEquals(iban, first.string("account"));
        assertEquals(1, first.object().getInt("matched"));
        assertEquals("PAID", tenant.api().get("top-ups/" + t1.string("id")).string("status"));

        String t2Mangled = "Order " + t2.string("reference").toLowerCase().substring(0, 5) + " - "
                + t2.string("reference").toLowerCase().substring(5) + " thanks";
        String statement = camt("053", "001.08", iban,
                entry(run + "-1", "100.00", "CRDT", false, tx(null, null, null, rf, "Max Payer")),
                entry(run + "-2", "45.00", "CRDT", false, tx(null, null, t2Mangled, null, "Erika Payer")),
                entry(run + "-3", "20.00", "CRDT", false,
                        tx(null, null, "for " + bReference.substring(0, 4) + " " + bReference.substring(4), null,
                                null)),
                entry(run + "-4", "7.00", "CRDT", false, tx(null, null, "no reference at all", null, null)),
                entry(run + "-5", "3.00", "DBIT", false, tx(null, null, "bank fees", null, null)),
                entry(run + "-6", "15.00", "CRDT", false,
                        tx(run + "-6a", "10.00", tenant.api().get("accounts/" + a).string("reference"), null, null),
                        tx(run + "-6b", "5.00", "nothing to see", null, null)));
        ApiResponse second = upload(tenant, statement, "application/xml");
        assertEquals(201, second.status(), second::toString);
        JsonObject s = second.object();
        assertEquals("camt.053", s.getString("format"));
        assertEquals(7, s.getInt("entries"), "the batch is split in two");
        assertEquals(3, s.getInt("matched"), "the top-up by its mangled reference, account B, account A in the batch");
        assertEquals(2, s.getInt("unmatched"));
        assertEquals(1, s.getInt("duplicates"), "the credit the camt.054 brought");
        assertEquals("155.00", tenant.balance(a), "100 once, 45 as arrived, 10 from the batch");
        assertEquals("20.00", tenant.balance(b));

        Map<String, JsonObject> entries = tenant.api().get("bank-statements/" + s.getString("id") + "/entries")
                .items().stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(e -> e.getString("bankReference"), e -> e));
        assertEquals("DUPLICATE", entries.get(run + "-1").getString("outcome"));
        String firstTransfer = tenant.api().get("bank-statements/" + first.string("id") + "/entries").items()
                .get(0).asJsonObject().getString("bankTransferId");
        assertEquals(firstTransfer, entries.get(run + "-1").getString("bankTransferId"),
                "the duplicate points at the transfer the notification made");
        assertTrue(entries.get(run + "-2").getBoolean("amountDiffers"), "45.00 for a 50.00 top-up is flagged");
        assertFalse(entries.get(run + "-3").getBoolean("amountDiffers"));
        assertEquals("DEBIT", entries.get(run + "-5").getString("outcome"));
        assertEquals("MATCHED", entries.get(run + "-6/" + run + "-6a").getString("outcome"));
        assertEquals("UNMATCHED", entries.get(run + "-6/" + run + "-6b").getString("outcome"));

        List<String> unmatched = tenant.api().get("bank-transfers?status=UNMATCHED").items().stream()
                .map(v -> v.asJsonObject().getJsonObject("amount").getString("amount")).toList();
        assertTrue(unmatched.contains("7.00") && unmatched.contains("5.00"), unmatched::toString);

        ApiResponse again = upload(tenant, statement, "application/xml");
        assertEquals(7, again.object().getInt("duplicates"), "the same file again changes nothing");
        assertEquals("155.00", tenant.balance(a));
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));

        // The bank takes back the 20.00 paid into account B and the unmatched 7.00: a reversal has its
        // own bank reference and shares the payer's text with the credit it undoes.
        String reversals = camt("053", "001.08", iban,
                entry(run + "-R3", "20.00", "DBIT", true,
                        tx(null, null, "for " + bReference.substring(0, 4) + " " + bReference.substring(4), null,
                                null)),
                entry(run + "-R4", "7.00", "DBIT", true, tx(null, null, "no reference at all", null, null)));
        ApiResponse reversed = upload(tenant, reversals, "application/xml");
        assertEquals(201, reversed.status(), reversed::toString);
        List<JsonObject> reversalEntries = tenant.api().get("bank-statements/" + reversed.string("id") + "/entries")
                .items().stream().map(v -> v.asJsonObject()).toList();
        assertEquals("0.00", tenant.balance(b), () -> "the reversed credit is taken back: " + reversalEntries
                + " of " + entries.get(run + "-3"));
        for (JsonObject r : reversalEntries) {
            assertEquals("REVERSAL", r.getString("outcome"));
            assertEquals("REVERSED", tenant.api().get("bank-transfers/" + r.getString("bankTransferId"))
                    .string("status"), r::toString);
        }
        List<String> stillUnmatched = tenant.api().get("bank-transfers?status=UNMATCHED").items().stream()
                .map(v -> v.asJsonObject().getJsonObject("amount").getString("amount")).toList();
        assertFalse(stillUnmatched.contains("7.00"), "a reversed transfer leaves the unmatched queue");
        ApiResponse reversedAgain = upload(tenant, reversals, "application/xml");
        assertEquals(2, reversedAgain.object().getInt("duplicates"));
        assertEquals("0.00", tenant.balance(b));
        assertEquals("155.00", tenant.balance(a));
        assertTrue(kassa.operator().get("operator/ledger/verify").object().getBoolean("balanced"));

        // Another tenant sees neither the statement nor its entries.
        Kassa.Tenant other = kassa.newTenant();
        assertEquals(404, other.api().get("bank-statements/" + s.getString("id")).status());
        assertEquals(404, other.api().get("bank-statements/" + s.getString("id") + "/entries").status());
        assertEquals(200, tenant.api().get("bank-statements/" + s.getString("id")).status());
    }

    @Test
    void thePublishedFixturesRead(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        Map<String, String> formats = Map.of("camt053.001.02_de_bank_example.xml", "camt.053",
                "camt053.001.08_rf_reference_example.xml", "camt.053", "camt054.001.02_example.xml", "camt.054",
                "betterplace_sepa_snippet.sta", "mt940", "jejik_ing.sta", "mt940");
        formats.forEach((file, format) -> {
            ApiResponse r = upload(tenant, fixture(file), file.endsWith(".xml") ? "application/xml" : "text/plain");
            assertEquals(201, r.status(), () -> file + ": " + r);
            assertEquals(format, r.string("format"), file);
            assertTrue(r.object().getInt("entries") > 0, file);
            ApiResponse entries = tenant.api().get("bank-statements/" + r.string("id") + "/entries?limit=200");
            assertEquals(r.object().getInt("entries"), entries.items().size(), file);
        });
        ApiResponse mt940 = upload(tenant, fixture("betterplace_sepa_snippet.sta"), "text/plain");
        assertEquals(11, mt940.object().getInt("entries"));
        assertEquals(mt940.object().getInt("entries"), mt940.object().getInt("duplicates"),
                "the same MT940 file again: credits and debits all seen before");
    }

    @Test
    void whatIsNoStatementIsRefusedAndChangesNothing(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        assertEquals("statement.unreadable", upload(tenant, "hello, bank", "text/plain").code());
        assertEquals("statement.unreadable", upload(tenant, "<html><body>no</body></html>", "text/html").code());
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + camt("053", "001.02", "DE89370400440532013000",
                        entry("x1", "1.00", "CRDT", false, tx(null, null, "&x;", null, null)))
                        .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());
        ApiResponse refused = upload(tenant, xxe, "application/xml");
        assertEquals(422, refused.status(), refused::toString);
        assertEquals("statement.unreadable", refused.code());
        assertFalse(refused.body().contains("root:"), "nothing of the file system is echoed");
        assertEquals("statement.unsupported_version", upload(tenant,
                camt("053", "001.14", "DE89370400440532013000"), "application/xml").code());
        String broken = camt("053", "001.02", "DE89370400440532013000",
                entry("b1", "1.00", "CRDT", false, tx(null, null, "ok", null, null)));
        assertEquals("statement.unreadable", upload(tenant, broken.substring(0, broken.length() - 40),
                "application/xml").code());
        assertEquals(0, tenant.api().get("bank-transfers").items().size(), "a broken file records nothing");
        ApiResponse large = tenant.api().sendBody("POST", "bank-statements",
                HttpRequest.BodyPublishers.ofByteArray(new byte[5 * 1024 * 1024]), Map.of("Content-Type", "text/plain"));
        assertEquals(413, large.status(), large::toString);
        assertEquals("statement.too_large", large.code());
        assertEquals(404, tenant.api().get("bank-statements/bst_nope").status());
    }

    static ApiResponse upload(Kassa.Tenant tenant, String body, String contentType) {
        return tenant.api().sendBody("POST", "bank-statements",
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), Map.of("Content-Type", contentType));
    }

    private static String fixture(String name) {
        try (InputStream in = BankStatementIT.class.getResourceAsStream("/statements/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String camt(String kind, String version, String iban, String... entries) {
        String root = kind.equals("053") ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
        String block = kind.equals("053") ? "Stmt" : "Ntfctn";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt." + kind + "." + version + "\"><" + root
                + "><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-12-01T10:00:00</CreDtTm></GrpHdr><" + block
                + "><Id>S1</Id><CreDtTm>2026-12-01T10:00:00</CreDtTm><Acct><Id><IBAN>" + iban
                + "</IBAN></Id><Ccy>EUR</Ccy></Acct>" + String.join("", entries) + "</" + block + "></" + root
                + "></Document>";
    }

    static String entry(String bankRef, String amount, String direction, boolean reversal, String... txs) {
        return "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>" + direction + "</CdtDbtInd>"
                + (reversal ? "<RvslInd>true</RvslInd>" : "") + "<Sts><Cd>BOOK</Cd></Sts>"
                + "<BookgDt><Dt>2026-12-01</Dt></BookgDt><ValDt><Dt>2026-12-01</Dt></ValDt>"
                + "<AcctSvcrRef>" + bankRef + "</AcctSvcrRef><BkTxCd/><NtryDtls>" + String.join("", txs)
                + "</NtryDtls></Ntry>";
    }

    static String tx(String bankRef, String amount, String ustrd, String creditorRef, String debtor) {
        return "<TxDtls><Refs>" + (bankRef == null ? "" : "<AcctSvcrRef>" + bankRef + "</AcctSvcrRef>")
                + "<EndToEndId>NOTPROVIDED</EndToEndId></Refs>"
                + (amount == null ? "" : "<Amt Ccy=\"EUR\">" + amount + "</Amt>")
                + (debtor == null ? "" : "<RltdPties><Dbtr><Pty><Nm>" + debtor + "</Nm></Pty></Dbtr></RltdPties>")
                + "<RmtInf>" + (ustrd == null ? "" : "<Ustrd>" + ustrd + "</Ustrd>")
                + (creditorRef == null ? "" : "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>"
                + creditorRef + "</Ref></CdtrRefInf></Strd>") + "</RmtInf></TxDtls>";
    }
}
