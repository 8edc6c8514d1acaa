package dev.kassa.server.payment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kassa.api.payment.NextAction;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextActionsTest {

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void actionsKeepTheirKindAndData() {
        assertNull(NextActions.toJson(null));
        JsonObject secret = read(NextActions.toJson(NextAction.clientSecret("pi_1_secret_2",
                Map.of("publishableKey", "pk_test_1"))));
        assertEquals("client_secret", secret.getString("type"));
        assertEquals("pi_1_secret_2", secret.getString("clientSecret"));
        assertEquals("pk_test_1", secret.getString("publishableKey"));
        JsonObject redirect = read(NextActions.toJson(NextAction.redirect("https://bank.example/3ds",
                Map.of("type", "ignored"))));
        assertEquals("redirect", redirect.getString("type"), "the method's data cannot change the kind");
        assertEquals("https://bank.example/3ds", redirect.getString("redirectUrl"));
    }

    @Test
    void instructionsCarryTheReferenceAndAmountThePlatformKnows() {
        JsonObject instructions = read(NextActions.instructions(NextAction.instructions(Map.of("type",
                "bank_transfer", "iban", "DE89370400440532013000", "reference", "forged")), "T-ABCD-1234",
                Money.parse("12.50", CurrencyRegistry.iso4217().require("EUR"))));
        assertEquals("bank_transfer", instructions.getString("type"));
        assertEquals("DE89370400440532013000", instructions.getString("iban"));
        assertEquals("T-ABCD-1234", instructions.getString("reference"), "the platform's reference wins");
        assertEquals("12.50", instructions.getJsonObject("amount").getString("amount"));
        assertEquals("EUR", instructions.getJsonObject("amount").getString("currency"));
    }
}
