package dev.kassa.server.tenant.domain;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * How much a customer may top up at once, and the preset amounts the client area offers. The
 * defaults come from the product documents: 0.50 to 15,000.00, presets 100, 200, 500, 1000.
 */
public record TopUpLimits(Money minimum, Money maximum, List<Money> presets) {
    public static final int MAX_PRESETS = 12;

    public TopUpLimits {
        presets = List.copyOf(presets);
        List<FieldError> errors = new ArrayList<>();
        if (!minimum.isPositive()) {
            errors.add(new FieldError("minimum.amount", "amount.not_positive", "must be greater than zero"));
        }
        if (minimum.currency().equals(maximum.currency()) && minimum.compareTo(maximum) > 0) {
            errors.add(new FieldError("minimum.amount", "topup.minimum_above_maximum",
                    "must not be above the maximum " + maximum));
        }
        if (presets.size() > MAX_PRESETS) {
            errors.add(new FieldError("presets", "too_many", "at most " + MAX_PRESETS + " presets"));
        }
        for (int i = 0; i < presets.size(); i++) {
            Money preset = presets.get(i);
            if (!preset.currency().equals(minimum.currency())) {
                errors.add(new FieldError("presets[" + i + "].currency", "currency.mismatch",
                        "must be " + minimum.currency().code()));
            } else if (preset.compareTo(minimum) < 0 || preset.compareTo(maximum) > 0) {
                errors.add(new FieldError("presets[" + i + "].amount", "topup.preset_out_of_range",
                        "must lie between the minimum " + minimum + " and the maximum " + maximum));
            } else if (presets.subList(0, i).contains(preset)) {
                errors.add(new FieldError("presets[" + i + "].amount", "duplicate", "is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw KassaException.invalid(errors);
        }
    }

    public static TopUpLimits defaults(CurrencyUnit currency) {
        long unit = pow10(currency.minorUnits());
        return new TopUpLimits(new Money(unit / 2 == 0 ? 1 : unit / 2, currency), new Money(15_000 * unit, currency),
                List.of(new Money(100 * unit, currency), new Money(200 * unit, currency),
                        new Money(500 * unit, currency), new Money(1000 * unit, currency)));
    }

    public boolean allows(Money amount) {
        return amount.compareTo(minimum) >= 0 && amount.compareTo(maximum) <= 0;
    }

    void requireCurrency(CurrencyUnit base) {
        List<FieldError> errors = new ArrayList<>();
        if (!minimum.currency().equals(base)) {
            errors.add(new FieldError("minimum.currency", "currency.mismatch", "must be the base currency " + base));
        }
        if (!maximum.currency().equals(base)) {
            errors.add(new FieldError("maximum.currency", "currency.mismatch", "must be the base currency " + base));
        }
        if (!errors.isEmpty()) {
            throw KassaException.invalid(errors);
        }
    }

    private static long pow10(int n) {
        long r = 1;
        for (int i = 0; i < n; i++) {
            r *= 10;
        }
        return r;
    }
}
