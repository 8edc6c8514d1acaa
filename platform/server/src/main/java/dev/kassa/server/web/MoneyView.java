package dev.kassa.server.web;
import dev.kassa.server.shared.Money;

/** Money as the API shows it: {@code {"amount": "12.50", "currency": "EUR"}}. */
public record MoneyView(String amount, String currency) {
    public static MoneyView of(Money money) {
        return money == null ? null : new MoneyView(money.amountString(), money.currency().code());
    }
}
