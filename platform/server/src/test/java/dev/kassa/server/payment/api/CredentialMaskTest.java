package dev.kassa.server.payment.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kassa.server.payment.api.PaymentViews.PaymentMethodView;
import org.junit.jupiter.api.Test;

class CredentialMaskTest {

    @Test
    void aSecretShowsItsKindAndLastFourOnly() {
        assertEquals("sk_test_…9876", PaymentMethodView.mask("sk_test_51HxYzAbCdEf9876"));
        assertEquals("whsec_…4321", PaymentMethodView.mask("whsec_verysecretvalue4321"));
        assertEquals("…wxyz", PaymentMethodView.mask("abcdefghijklmnopqrstuvwxyz"));
    }

    @Test
    void aShortSecretShowsNothing() {
        assertEquals("…", PaymentMethodView.mask("sk_test_1234"));
        assertEquals("…", PaymentMethodView.mask("hunter2"));
    }
}
