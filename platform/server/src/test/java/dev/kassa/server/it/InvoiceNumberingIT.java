package dev.kassa.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.testkit.ApiResponse;
import dev.kassa.testkit.Kassa;
import dev.kassa.testkit.KassaExtension;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Invoice numbers are given at finalisation, gapless and unique per tenant, even when many finalise at once. */
@ExtendWith(KassaExtension.class)
class InvoiceNumberingIT {
    private static final int INVOICES = 1000;
    private static final int THREADS = 16;

    /** Runs {@code n} calls on {@link #THREADS} threads and returns their answers in order. */
    private static List<ApiResponse> onThreads(int n, Function<Integer, ApiResponse> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> call.apply(index)));
            }
            List<ApiResponse> out = new ArrayList<>();
            for (Future<ApiResponse> f : futures) {
                out.add(f.get(5, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThousandConcurrentFinalisationsGiveOneToAThousandWithoutGapOrDuplicate(Kassa kassa) throws Exception {
        Kassa.Tenant tenant = kassa.newTenant();
        InvoiceIT.establish(tenant, "DE", null, false);
        String account = tenant.newAccount();
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "DE", null);
        List<String> drafts = onThreads(INVOICES, i -> InvoiceIT.draft(tenant, account, payer,
                InvoiceIT.line("Work " + i, 1, "1.00"))).stream().map(r -> {
                    assertEquals(201, r.status(), r::toString);
                    return r.string("id");
                }).toList();
        // Another tenant's series runs on its own, at the same time.
        Kassa.Tenant other = kassa.newTenant();
        InvoiceIT.establish(other, "DE", null, false);
        String otherAccount = other.newAccount();
        String otherDraft = InvoiceIT.draftId(other, otherAccount, InvoiceIT.payer(other, otherAccount, "PERSON",
                "DE", null), InvoiceIT.line("Work", 1, "1.00"));

        List<ApiResponse> finalized = onThreads(INVOICES, i -> {
            if (i == INVOICES / 2) {
                ApiResponse r = other.api().post("invoices/" + otherDraft + "/finalize", null);
                assertEquals(200, r.status(), r::toString);
            }
            return tenant.api().post("invoices/" + drafts.get(i) + "/finalize", null);
        });

        String prefix = "INV-" + Year.now(ZoneOffset.UTC) + "-";
        Set<Integer> seqs = new TreeSet<>();
        for (ApiResponse r : finalized) {
            assertEquals(200, r.status(), r::toString);
            String number = r.string("number");
            assertTrue(number.startsWith(prefix) && number.length() == prefix.length() + 6, number);
            assertTrue(seqs.add(Integer.parseInt(number.substring(prefix.length()))), "duplicate " + number);
        }
        assertEquals(INVOICES, seqs.size());
        assertEquals(1, seqs.iterator().next());
        assertEquals(INVOICES, ((TreeSet<Integer>) seqs).last(), "no gap: 1.." + INVOICES);
        assertEquals(prefix + "000001", other.api().get("invoices/" + otherDraft).string("number"));
    }

    @Test
    void theNumberFormatComesFromTheSettings(Kassa kassa) {
        Kassa.Tenant tenant = kassa.newTenant();
        ApiResponse set = tenant.api().put("settings/billing", dev.kassa.testkit.Json.obj("establishmentCountry", "DE",
                "numbering", dev.kassa.testkit.Json.raw(dev.kassa.testkit.Json.obj("invoice", "R{yy}/{seq:3}"))));
        assertEquals(200, set.status(), set::toString);
        String account = tenant.newAccount();
        String payer = InvoiceIT.payer(tenant, account, "PERSON", "DE", null);
        String yy = String.format("%02d", Year.now(ZoneOffset.UTC).getValue() % 100);
        for (int i = 1; i <= 2; i++) {
            String id = InvoiceIT.draftId(tenant, account, payer, InvoiceIT.line("Work", 1, "1.00"));
            assertEquals("R" + yy + "/00" + i, tenant.api().post("invoices/" + id + "/finalize", null)
                    .string("number"));
        }
    }
}
