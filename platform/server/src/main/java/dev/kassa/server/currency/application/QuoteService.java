package dev.kassa.server.currency.application;

import dev.kassa.server.config.Settings;
import dev.kassa.server.currency.domain.Conversion;
import dev.kassa.server.currency.domain.Quote;
import dev.kassa.server.currency.domain.QuoteRepository;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.domain.CurrencySettings;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Quotes: the conversion a customer sees, and agrees to, before paying in another currency. */
@ApplicationScoped
public class QuoteService {
    private QuoteRepository quotes;
    private TenantRepository tenants;
    private AccountLookup accounts;
    private Conversions conversions;
    private Settings settings;
    private Clock clock;

    protected QuoteService() {
    }

    @Inject
    public QuoteService(QuoteRepository quotes, TenantRepository tenants, AccountLookup accounts,
                        Conversions conversions, Settings settings, Clock clock) {
        this.quotes = quotes;
        this.tenants = tenants;
        this.accounts = accounts;
        this.conversions = conversions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One side is an amount, the other a currency: exactly one of {@code fromAmount} and {@code toAmount} is set. */
    public record Request(Money fromAmount, CurrencyUnit fromCurrency, Money toAmount, CurrencyUnit toCurrency,
                          String accountId) { }

    @Transactional
    public Quote create(String tenantId, Request request) {
        CurrencySettings currencies = tenants.require(tenantId).currencies();
        CurrencyUnit from = request.fromAmount() != null ? request.fromAmount().currency() : request.fromCurrency();
        CurrencyUnit to = request.toAmount() != null ? request.toAmount().currency() : request.toCurrency();
        currencies.requireEnabled(from, "from");
        currencies.requireEnabled(to, "to");
        if (request.accountId() != null) {
            if (!accounts.exists(tenantId, request.accountId())) {
                throw KassaException.notFound();
            }
        }
        int markup = from.equals(to) ? 0 : currencies.markupBasisPoints();
        Conversion conversion = request.fromAmount() != null
                ? conversions.quote(request.fromAmount(), to, markup)
                : conversions.quote(from, request.toAmount(), markup);
        if (!conversion.from().isPositive() || !conversion.to().isPositive()) {
            throw KassaException.unprocessable("quote.amount_too_small", "Amount too small",
                    "The converted amount rounds to zero.");
        }
        Instant now = clock.instant();
        Quote quote = new Quote(Ids.next("quo"), tenantId, request.accountId(), conversion, now,
                now.plus(settings.quoteTtl()));
        quotes.add(quote);
        return quote;
    }

    @Transactional
    public Quote get(String tenantId, String quoteId) {
        return quotes.find(tenantId, quoteId).orElseThrow(KassaException::notFound);
    }

    /**
     * The quote a top-up of {@code amount} into {@code accountId} relies on: 422 {@code quote.required}
     * without one, 409 {@code quote.expired} after its time, 422 {@code quote.mismatch} when it is of
     * another tenant or account, or quotes other amounts or currencies.
     */
    @Transactional
    public Quote requireFor(String tenantId, String accountId, CurrencyUnit accountCurrency, Money amount,
                            String quoteId) {
        if (quoteId == null) {
            throw KassaException.unprocessable("quote.required", "Quote required",
                    "Paying " + amount.currency() + " into a " + accountCurrency
                            + " account needs a quote: POST /api/v1/quotes first and send its quoteId.");
        }
        Quote quote = quotes.find(tenantId, quoteId).orElseThrow(() -> mismatch("No such quote for this tenant."));
        if (quote.accountId() != null && !quote.accountId().equals(accountId)) {
            throw mismatch("The quote was made for another account.");
        }
        if (!quote.from().equals(amount)) {
            throw mismatch("The quote is for paying " + quote.from() + ", not " + amount + ".");
        }
        if (!quote.to().currency().equals(accountCurrency)) {
            throw mismatch("The quote converts into " + quote.to().currency() + ", the account is in "
                    + accountCurrency + ".");
        }
        if (quote.isExpired(clock.instant())) {
            throw KassaException.conflict("quote.expired", "Quote expired",
                    "The quote expired at " + quote.expiresAt() + "; ask for a new one.");
        }
        return quote;
    }

    private static KassaException mismatch(String detail) {
        return KassaException.unprocessable("quote.mismatch", "Quote does not match", detail);
    }
}
