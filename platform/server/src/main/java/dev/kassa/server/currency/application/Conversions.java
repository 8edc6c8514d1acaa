package dev.kassa.server.currency.application;

import dev.kassa.server.currency.domain.Conversion;
import dev.kassa.server.currency.domain.QuoteCalculator;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Conversions at the day's rate, for money that arrives without a quote and for display. */
@ApplicationScoped
public class Conversions {
    private static final QuoteCalculator CALCULATOR = new QuoteCalculator();

    private ExchangeRates rates;

    protected Conversions() {
    }

    @Inject
    public Conversions(ExchangeRates rates) {
        this.rates = rates;
    }

    /** {@code paid} converted into {@code to} at today's rate with the tenant's markup; 409 {@code rates.stale} without fresh rates. */
    public Conversion todays(Money paid, CurrencyUnit to, int markupBasisPoints) {
        return CALCULATOR.fixingFrom(paid, to, markupBasisPoints, rates.current());
    }

    /** An indicative amount (no markup), e.g. a balance shown in another currency; identity in the same currency. */
    public Money indicative(Money amount, CurrencyUnit to) {
        if (amount.currency().equals(to)) {
            return amount;
        }
        return CALCULATOR.fixingFrom(amount, to, 0, rates.current()).to();
    }

    /** Priced with today's rates, either side fixed. */
    public Conversion quote(Money from, CurrencyUnit to, int markupBasisPoints) {
        return CALCULATOR.fixingFrom(from, to, markupBasisPoints, rates.current());
    }

    public Conversion quote(CurrencyUnit from, Money to, int markupBasisPoints) {
        return CALCULATOR.fixingTo(from, to, markupBasisPoints, rates.current());
    }
}
