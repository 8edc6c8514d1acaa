package dev.kassa.server.account.api;

import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.constraint.Country;
import dev.kassa.server.web.constraint.Currency;
import dev.kassa.server.web.constraint.Email;
import dev.kassa.server.web.constraint.LocaleTag;
import dev.kassa.server.web.constraint.OneOf;
import dev.kassa.server.web.constraint.Required;
import dev.kassa.server.web.constraint.StringOrObject;
import dev.kassa.server.web.constraint.Text;
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
            return address == null || address.getValueType() == JsonValue.ValueType.NULL ? null : address.toString();
        }
    }
}
