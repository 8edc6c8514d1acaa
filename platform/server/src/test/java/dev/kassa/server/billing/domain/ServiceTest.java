package dev.kassa.server.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A service's periods, its unpaid renewals and its end, without a container. */
class ServiceTest {
    private static final Instant NOW = Instant.parse("2027-01-31T10:00:00Z");

    private static Service service(ServicePeriod period) {
        Money price = Money.parse("9.00", CurrencyRegistry.iso4217().require("EUR"));
        return new Service("svc_1", "ten_1", "acc_1", new Service.Terms("pyr_1", "VPS", null, price, period, NOW, true,
                TaxCategory.STANDARD), NOW);
    }

    @Test
    void periodsAreCalendarMonthsInUtc() {
        assertEquals(Instant.parse("2027-02-28T10:00:00Z"), ServicePeriod.P1M.after(NOW));
        assertEquals(Instant.parse("2027-04-30T10:00:00Z"), ServicePeriod.P3M.after(NOW));
        assertEquals(Instant.parse("2027-07-31T10:00:00Z"), ServicePeriod.P6M.after(NOW));
        assertEquals(Instant.parse("2028-01-31T10:00:00Z"), ServicePeriod.P1Y.after(NOW));
    }

    @Test
    void aRenewalMovesTheNextOneByAPeriod() {
        Service s = service(ServicePeriod.P1M);
        s.renewed(NOW);
        assertEquals(Instant.parse("2027-02-28T10:00:00Z"), s.nextRenewalAt());
        assertEquals(NOW, s.lastRenewedAt());
    }

    @Test
    void payingTheFollowedInvoiceReactivatesOnlyThatOne() {
        Service s = service(ServicePeriod.P1M);
        s.awaitPayment("inv_1", NOW, NOW.plusSeconds(86_400), NOW);
        s.awaitPayment("inv_2", NOW.plusSeconds(5), NOW.plusSeconds(10), NOW);
        assertEquals("inv_1", s.unpaidInvoiceId(), "the oldest is followed");
        s.suspend(NOW);
        assertEquals(ServiceStatus.SUSPENDED, s.status());
        assertFalse(s.invoicePaid("inv_2", NOW));
        assertEquals(ServiceStatus.SUSPENDED, s.status());
        assertTrue(s.invoicePaid("inv_1", NOW));
        assertEquals(ServiceStatus.ACTIVE, s.status());
        assertNull(s.unpaidInvoiceId());
        assertNull(s.suspendedAt());
        assertNull(s.terminateAt());
    }

    @Test
    void cancellingAtPeriodEndStopsRenewalsAndATerminatedServiceNeverChanges() {
        Service s = service(ServicePeriod.P1Y);
        s.cancelAtPeriodEnd(NOW);
        assertFalse(s.autoRenew());
        assertEquals(NOW, s.cancelAt());
        s.change(true, null, null, NOW);
        assertTrue(s.autoRenew());
        assertNull(s.cancelAt(), "renewing again withdraws the cancellation");
        s.cancelAtPeriodEnd(NOW);
        s.terminate(NOW);
        assertEquals(ServiceStatus.TERMINATED, s.status());
        assertEquals(NOW, s.terminatedAt());
        KassaException e = assertThrows(KassaException.class, () -> s.change(true, null, null, NOW));
        assertEquals("service.terminated", e.code());
        assertFalse(s.invoicePaid(null, NOW));
    }
}
