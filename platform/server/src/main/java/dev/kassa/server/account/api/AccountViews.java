package dev.kassa.server.account.api;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.account.domain.VatIdCheck;
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
                            VatIdCheckView vatIdCheck, JsonValue address, Instant createdAt) {
        public static PayerView of(Payer p) {
            return new PayerView(p.id(), p.accountId(), p.type().name(), p.name(), p.country(), p.vatId(),
                    VatIdCheckView.of(p.vatIdCheck()), JsonText.parse(p.address()), p.createdAt());
        }
    }

    /**
     * The check of a payer's VAT ID with VIES (null when the payer has none): {@code status}
     * {@code VALID}, {@code INVALID} or {@code PENDING}; the consultation number, name and address of
     * VIES's last answer and when it came ({@code checkedAt}); while VIES cannot answer, when it is
     * asked again ({@code nextAttemptAt}) and why the last attempt failed ({@code lastError}).
     */
    public record VatIdCheckView(String status, String consultationNumber, String name, String address,
                                 Instant checkedAt, Instant nextAttemptAt, String lastError) {
        static VatIdCheckView of(VatIdCheck c) {
            return c == null ? null : new VatIdCheckView(c.status().name(), c.consultationNumber(), c.name(),
                    c.address(), c.checkedAt(), c.lastError() == null ? null : c.nextAttemptAt(), c.lastError());
        }
    }
}
