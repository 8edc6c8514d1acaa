package dev.kassa.server.tenant.domain;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's currencies: the base (limits and presets are set in it, everything converts through
 * the euro rates), the currencies accounts and payments may use, and the markup on conversions.
 */
public record CurrencySettings(CurrencyUnit base, List<CurrencyUnit> enabled, int markupBasisPoints) {
    public static final int MAX_MARKUP_BASIS_POINTS = 500;

    /** The base always counts as enabled and comes first; duplicates are dropped. */
    public CurrencySettings {
        List<CurrencyUnit> all = new ArrayList<>();
        all.add(base);
        for (CurrencyUnit c : enabled) {
            if (!all.contains(c)) {
                all.add(c);
            }
        }
        enabled = List.copyOf(all);
        if (markupBasisPoints < 0 || markupBasisPoints > MAX_MARKUP_BASIS_POINTS) {
            throw KassaException.invalid("markupBasisPoints", "invalid",
                    "must be a whole number from 0 to " + MAX_MARKUP_BASIS_POINTS);
        }
    }

    public boolean isEnabled(CurrencyUnit currency) {
        return enabled.contains(currency);
    }

    /** 422 {@code currency.not_enabled} unless the tenant has this currency enabled. */
    public void requireEnabled(CurrencyUnit currency, String field) {
        if (!isEnabled(currency)) {
            throw KassaException.unprocessable("currency.not_enabled", "Currency not enabled",
                    field + ": " + currency + " is not one of this tenant's currencies ("
                            + String.join(", ", enabled.stream().map(CurrencyUnit::code).toList()) + ").");
        }
    }
}
