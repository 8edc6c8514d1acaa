package dev.kassa.api.payment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaymentMethodTest {

    private static PaymentMethod taking(Set<String> currencies) {
        MethodInfo info = new MethodInfo("m", Map.of("en", "M"), Map.of("en", "Instant"), currencies, Set.of(),
                List.of());
        return new PaymentMethod() {
            @Override
            public MethodInfo info() {
                return info;
            }

            @Override
            public PaymentResult pay(MethodContext context, PaymentRequest request) {
                return PaymentResult.unknown(null, "not in this test");
            }
        };
    }

    @Test
    void aMethodThatSaysNothingAboutAmountsTakesEveryAmountInItsCurrencies() {
        PaymentMethod plnOnly = taking(Set.of("PLN"));
        assertTrue(plnOnly.accepts(new Amount(1, "PLN")));
        assertTrue(plnOnly.accepts(new Amount(123_457, "PLN")));
        assertFalse(plnOnly.accepts(new Amount(100, "EUR")));

        PaymentMethod any = taking(Set.of());
        assertTrue(any.accepts(new Amount(42_425, "KWD")));
        assertTrue(any.accepts(new Amount(5_000, "ISK")));
    }
}
