package dev.kassa.server.account.api;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.web.JsonText;
import dev.kassa.server.web.MoneyView;
import jakarta.json.JsonValue;
import java.time.Instant;

/** The JSON shapes this context answers with. Records only: what a client sees is what is listed here. */
public final class AccountViews {
    private AccountViews() {
    }

    /** {@code displayBalance} is null unless asked for with {@code ?displayCurrency=}. */
    public record AccountView(String id, String reference, String email, String name, String country, String locale,
                              String currency, MoneyView balance, MoneyView displayBalance, Instant createdAt) {
        public static AccountView of(Account a) {
            return new AccountView(a.id(), a.reference(), a.email(), a.name(), a.country(), a.locale(),
                    a.currency().code(), MoneyView.of(a.balance()), null, a.createdAt());
        }

        /** With an indicative balance in another currency (not money the customer holds). */
        public static AccountView of(Account a, dev.kassa.server.shared.Money display) {
            return new AccountView(a.id(), a.reference(), a.email(), a.name(), a.country(), a.locale(),
                    a.currency().code(), MoneyView.of(a.balance()), MoneyView.of(display), a.createdAt());
        }
    }

    public record PayerView(String id, String accountId, String type, String name, String country, String vatId,
                            JsonValue address, Instant createdAt) {
        public static PayerView of(Payer p) {
            return new PayerView(p.id(), p.accountId(), p.type().name(), p.name(), p.country(), p.vatId(),
                    JsonText.parse(p.address()), p.createdAt());
        }
    }
}
