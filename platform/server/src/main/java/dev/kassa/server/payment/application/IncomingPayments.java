package dev.kassa.server.payment.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.currency.application.Conversions;
import dev.kassa.server.currency.application.QuoteService;
import dev.kassa.server.currency.domain.Conversion;
import dev.kassa.server.currency.domain.Quote;
import dev.kassa.server.ledger.application.Ledger;
import dev.kassa.server.ledger.domain.FxDetails;
import dev.kassa.server.ledger.domain.SystemAccount;
import dev.kassa.server.ledger.domain.TransactionType;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.domain.TenantRepository;
import dev.kassa.server.payment.domain.TopUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Money that arrived for an account, whatever the method: what it credits in the account's
 * currency (at the top-up's quote, or else at the day's rate), then the posting.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IncomingPayments {
    private Ledger ledger;
    private QuoteService quotes;
    private Conversions conversions;
    private TenantRepository tenants;
    private Event<TopUpPaid> paid;
    private Clock clock;

    protected IncomingPayments() {
    }

    @Inject
    public IncomingPayments(Ledger ledger, QuoteService quotes, Conversions conversions, TenantRepository tenants,
                            Event<TopUpPaid> paid, Clock clock) {
        this.ledger = ledger;
        this.quotes = quotes;
        this.conversions = conversions;
        this.tenants = tenants;
        this.paid = paid;
        this.clock = clock;
    }

    /** What {@code received} credits; {@code fx} is null when no conversion is needed. */
    public record Credit(Money amount, FxDetails fx) { }

    /**
     * Prices money that arrived. Same currency as the account: itself. For a quoted top-up paid in
     * the quoted currency: the quote's rate. Otherwise the day's rate with the tenant's markup
     * (409 {@code rates.stale} without fresh rates).
     */
    public Credit price(String tenantId, Account account, TopUp topUp, Money received) {
        if (received.currency().equals(account.currency())) {
            return new Credit(received, null);
        }
        if (topUp != null && topUp.quoteId() != null && received.currency().equals(topUp.amount().currency())) {
            Quote quote = quotes.get(tenantId, topUp.quoteId());
            return new Credit(quote.creditFor(received), new FxDetails(received, quote.rate(), quote.source(),
                    quote.rateDate()));
        }
        int markup = tenants.require(tenantId).currencies().markupBasisPoints();
        Conversion conversion = conversions.todays(received, account.currency(), markup);
        if (!conversion.to().isPositive()) {
            throw dev.kassa.server.shared.KassaException.unprocessable("payment.amount_too_small", "Amount too small",
                    received + " converts to nothing in " + account.currency() + ".");
        }
        return new Credit(conversion.to(), new FxDetails(received, conversion.effectiveRate(),
                conversion.rateSource(), conversion.rateDate()));
    }

    /**
     * Posts a priced credit; {@code account} (and {@code topUp}, if any) must be locked by the caller.
     * A top-up this makes PAID is announced ({@link TopUpPaid}: the customer's mail) in the same
     * transaction.
     */
    public Ledger.Posting apply(Credit credit, Money received, Account account, TopUp topUp, SystemAccount from,
                                TransactionType type, String description, String reference) {
        Ledger.Posting posting = credit.fx() == null
                ? ledger.credit(account, received, from, type, description, reference)
                : ledger.creditConverted(account, credit.amount(), credit.fx(), from, type, description, reference);
        if (topUp != null && topUp.recordPayment(credit.amount(), clock.instant())) {
            paid.fire(new TopUpPaid(topUp.tenantId(), topUp.accountId(), topUp.id(), topUp.reference(), received,
                    credit.amount(), topUp.payerId(), topUp.method(), topUp.paidAt(), topUp.invoiceId(),
                    posting.transactionId()));
        }
        return posting;
    }
}
