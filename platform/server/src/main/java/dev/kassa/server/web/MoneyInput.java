package dev.kassa.server.web;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.Money;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Money as a client sent it, {@code {"amount": "12.50", "currency": "EUR"}}, kept raw until its
 * {@link dev.kassa.server.web.constraint.ValidMoney} constraint has checked it: then
 * {@link #toMoney()} is exact. Amounts are decimal strings, never JSON numbers, so no client's
 * float ever becomes money.
 */
public record MoneyInput(JsonValue amount, JsonValue currency) {

    /** The money this stands for; call only on an input its constraint has passed. */
    public Money toMoney() {
        String code = ((JsonString) currency).getString();
        return Money.parse(((JsonString) amount).getString(), CurrencyRegistry.iso4217().require(code));
    }
}
