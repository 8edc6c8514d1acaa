package dev.kassa.server.tenant.api;

import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.MoneyInput;
import dev.kassa.server.web.constraint.Currency;
import dev.kassa.server.web.constraint.LocaleTag;
import dev.kassa.server.web.constraint.Matches;
import dev.kassa.server.web.constraint.Required;
import dev.kassa.server.web.constraint.Text;
import dev.kassa.server.web.constraint.ValidMoney;
import dev.kassa.server.web.constraint.WholeNumber;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.List;

/** The request bodies of this context, with the rules each field must meet. */
public final class TenantRequests {
    private TenantRequests() {
    }

    /** A new tenant; the answer carries its first API key, shown once. */
    public record NewTenantRequest(
            @Required @Matches(regex = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", max = 63,
                    rule = "must be 1-63 lower-case letters, digits or dashes, not starting or ending with a dash")
            String slug,
            @Required @Text(max = 200) String name,
            @Required @Currency String baseCurrency,
            @Required @LocaleTag(code = "invalid") String defaultLocale) implements JsonRequest { }

    /** The base currency (fixed once money has moved), the currencies customers may pay in, the markup on rates. */
    public record CurrencySettingsRequest(@Required @Currency String base,
                                          @Required List<@Currency String> enabled,
                                          @WholeNumber(min = -99_999, max = 99_999,
                                                  rule = "must be a whole number from 0 to 500")
                                          JsonValue markupBasisPoints) implements JsonRequest {
        /** The markup asked for; 0 when left out. The tenant's own rules say which values are allowed. */
        public int markup() {
            return markupBasisPoints instanceof JsonNumber n ? n.intValue() : 0;
        }
    }

    /** A top-up's smallest and largest amount and the amounts offered as buttons, all in the base currency. */
    public record TopUpSettingsRequest(@Required @ValidMoney MoneyInput minimum, @Required @ValidMoney MoneyInput maximum,
                                       @Required List<@ValidMoney MoneyInput> presets) implements JsonRequest { }
}
