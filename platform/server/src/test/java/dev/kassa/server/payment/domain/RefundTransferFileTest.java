package dev.kassa.server.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.ledger.domain.SystemAccount;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which refunds a pain.001 file can be made for, and why not the others. */
class RefundTransferFileTest {
    private static final Instant NOW = Instant.parse("2026-12-03T16:00:00Z");

    private static Refund refund(String currency) {
        return new Refund("ref_1", "ten_1", "top_1", "acc_1", null, "bank-transfer",
                new Money(1000, new CurrencyUnit(currency, 2)), SystemAccount.BANK_CLEARING, NOW);
    }

    private static String blocker(Refund r) {
        return r.transferFileBlocker().map(b -> b[0]).orElse(null);
    }

    @Test
    void aPendingEuroRefundToAKnownAccountHasAFile() {
        Refund r = refund("EUR");
        r.sendByHandTo("DE89370400440532013000", "COBADEFFXXX", "Anna", "STATEMENT");
        assertEquals(null, blocker(r));
        assertTrue(r.batchable());
    }

    @Test
    void eachReasonItHasNone() {
        assertEquals("refund.not_manual", blocker(refund("EUR")), "a gateway's refund");
        Refund unknown = refund("EUR");
        unknown.sendByHandTo(null, "COBADEFFXXX", "Anna", "STATEMENT");
        assertEquals("refund.payee_account_unknown", blocker(unknown));
        assertEquals("NONE", unknown.payeeSource());
        assertEquals(null, unknown.payeeBic(), "no BIC kept without an IBAN");
        Refund dollars = refund("USD");
        dollars.sendByHandTo("DE89370400440532013000", null, "Anna", "REQUEST");
        assertEquals("refund.currency_not_sepa", blocker(dollars));
        Refund batched = refund("EUR");
        batched.sendByHandTo("DE89370400440532013000", null, "Anna", "REQUEST");
        batched.joinBatch("rfb_1", NOW);
        assertEquals("refund.in_batch", blocker(batched));
        Refund sent = refund("EUR");
        sent.sendByHandTo("DE89370400440532013000", null, "Anna", "REQUEST");
        sent.succeed(NOW);
        assertEquals("refund.not_pending", blocker(sent));
    }
}
