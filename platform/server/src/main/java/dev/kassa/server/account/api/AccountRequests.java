package dev.kassa.server.account.api;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.constraint.Country;
import dev.kassa.server.web.constraint.Currency;
import dev.kassa.server.web.constraint.Email;
import dev.kassa.server.web.constraint.LocaleTag;
import dev.kassa.server.web.constraint.OneOf;
import dev.kassa.server.web.constraint.Required;
import dev.kassa.server.web.constraint.StringOrObject;
import dev.kassa.server.web.constraint.Text;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** The request bodies of this context, with the rules each field must meet. */
public final class AccountRequests {
    private AccountRequests() {
    }

    /** {@code currency} defaults to the tenant's base currency, {@code locale} to the tenant's. */
    public record NewAccountRequest(@Required @Email String email, @Required @Text(max = 200) String name,
                                    @Required @Country String country, @LocaleTag String locale,
                                    @Currency String currency) implements JsonRequest { }

    /** {@code currency}: only while the balance is zero and no top-up is NEW. */
    public record AccountChangeRequest(@Currency String currency) implements JsonRequest { }

    /** A company's {@code vatId} must match its country's VAT number format. */
    @VatId
    public record NewPayerRequest(@Required @OneOf({"PERSON", "COMPANY"}) String type,
                                  @Required @Text(max = 200) String name, @Required @Country String country,
                                  @Text(max = 20) String vatId, @StringOrObject(max = 2000) JsonValue address)
            implements JsonRequest {
        /** The address as stored: its JSON text, or null. */
        String addressJson() {
            return AccountRequests.addressJson(address);
        }

        /** What the account service adds: the same for the API and the client area's form. */
        public AccountService.NewPayer toNewPayer() {
            return new AccountService.NewPayer(Payer.Type.valueOf(type), name, country, vatId, addressJson());
        }
    }

    /**
     * A partial change of a payer: a member left out (or null) stays as it is, except {@code vatId}
     * and {@code address}, which a null removes; the VAT ID is checked against the country, the new
     * or the kept one, by the service.
     */
    public record PayerChangeRequest(@OneOf({"PERSON", "COMPANY"}) String type, @Text(max = 200) String name,
                                     @Country String country, @Text(max = 20) String vatId,
                                     @StringOrObject(max = 2000) JsonValue address) implements JsonRequest {
        /** The change, given the body as sent: which of {@code vatId} and {@code address} it names as null. */
        public AccountService.PayerChange toChange(JsonObject sent) {
            return new AccountService.PayerChange(type == null ? null : Payer.Type.valueOf(type), name, country, vatId,
                    isNull(sent, "vatId"), addressJson(address), isNull(sent, "address"));
        }

        private static boolean isNull(JsonObject sent, String member) {
            return sent.containsKey(member) && sent.get(member).getValueType() == JsonValue.ValueType.NULL;
        }
    }

    private static String addressJson(JsonValue address) {
        return address == null || address.getValueType() == JsonValue.ValueType.NULL ? null : address.toString();
    }
}
