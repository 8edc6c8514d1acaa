package dev.kassa.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Domain code puts plain {@link Money} into a problem; the web kernel shows it as the API's money JSON. */
class ProblemMoneyTest {
    private static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    private static final CurrencyUnit JPY = new CurrencyUnit("JPY", 0);

    @Test
    void moneyInAProblemIsShownAsAmountAndCurrency() {
        KassaException e = KassaException.conflict("balance.insufficient", "Insufficient balance", "No.")
                .with("balance", new Money(1250, EUR)).with("maximum", new Money(1000, JPY));

        Map<String, Object> body = body(e);

        assertEquals(new MoneyView("12.50", "EUR"), body.get("balance"));
        assertEquals(new MoneyView("1000", "JPY"), body.get("maximum"));
    }

    @Test
    void otherExtensionsAreShownAsTheyAre() {
        KassaException e = KassaException.conflict("rates.stale", "Stale", "No.")
                .with("source", "ecb").with("maxAgeDays", 7);

        Map<String, Object> body = body(e);

        assertEquals("ecb", body.get("source"));
        assertEquals(7, body.get("maxAgeDays"));
        assertEquals("rates.stale", body.get("code"));
    }

    private static Map<String, Object> body(KassaException e) {
        return Problems.body(e.status(), e.code(), e.title(), e.getMessage(), e.errors(), e.extensions());
    }
}
