package dev.kassa.api.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Return URLs came to the requests later: code written for the first contract keeps working. */
class ReturnUrlsTest {
    private final Customer customer = new Customer("acc_1", "K-1", "Ada", "ada@example.com", "FR", "fr", null);

    @Test
    void aPaymentBuiltTheFirstWayIsAnApiClientsWithoutReturnUrls() {
        PaymentRequest request = new PaymentRequest("att_1", new Amount(1_250, "EUR"), "TU-1", "Top-up", customer,
                false, null, Map.of("kassa_attempt", "att_1"));
        assertNull(request.returnUrl());
        assertNull(request.cancelUrl());
        assertFalse(request.hasReturnUrl());

        PaymentRequest browser = request.withReturnUrls("https://pay.example.com/back", "https://pay.example.com/no");
        assertTrue(browser.hasReturnUrl());
        assertEquals("https://pay.example.com/back", browser.returnUrl());
        assertEquals("https://pay.example.com/no", browser.cancelUrl());
        assertEquals(request.attemptId(), browser.attemptId());
        assertEquals(request.metadata(), browser.metadata());
        assertEquals(request, browser.withReturnUrls(null, null));
    }

    @Test
    void aSetUpBuiltTheFirstWayIsAnApiClientsWithoutReturnUrls() {
        SetupRequest request = new SetupRequest("spm_1", customer, Map.of());
        assertFalse(request.hasReturnUrl());
        SetupRequest browser = request.withReturnUrls("https://pay.example.com/back", null);
        assertEquals("https://pay.example.com/back", browser.returnUrl());
        assertNull(browser.cancelUrl());
    }

    @Test
    void aCancelUrlAloneIsRefused() {
        PaymentRequest request = new PaymentRequest("att_1", new Amount(1, "EUR"), null, null, customer, false, null,
                null);
        assertThrows(IllegalArgumentException.class, () -> request.withReturnUrls(null, "https://pay.example.com/no"));
        assertThrows(IllegalArgumentException.class,
                () -> new SetupRequest("spm_1", customer, Map.of(), null, "https://pay.example.com/no"));
    }
}
