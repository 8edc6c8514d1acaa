package dev.kassa.server.payment.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.payment.application.PaymentMethodService;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.api.payment.OffSessionPayments;
import dev.kassa.api.payment.SavedMethods;
import dev.kassa.server.payment.application.PaymentStarter;
import dev.kassa.server.payment.application.SavedMethodService;
import dev.kassa.server.payment.domain.PaymentAttempt;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.shared.References;
import dev.kassa.server.currency.application.Conversions;
import dev.kassa.server.currency.application.QuoteService;
import dev.kassa.server.currency.domain.Quote;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.tenant.domain.TenantRepository;
import dev.kassa.server.tenant.domain.TopUpLimits;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpRepository;
import dev.kassa.server.payment.domain.TopUpStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Top-ups: what a customer may choose, the intention to pay, and its cancellation. */
@ApplicationScoped
public class TopUpService {
    private TopUpRepository topUps;
    private AccountRepository accounts;
    private TenantRepository tenants;
    private PaymentMethodService paymentMethods;
    private QuoteService quotes;
    private Conversions conversions;
    private SavedMethodService savedMethods;
    private PaymentStarter payments;
    private BoundInvoices invoices;
    private Clock clock;

    protected TopUpService() {
    }

    @Inject
    public TopUpService(TopUpRepository topUps, AccountRepository accounts, TenantRepository tenants,
                        PaymentMethodService paymentMethods, QuoteService quotes, Conversions conversions,
                        SavedMethodService savedMethods, PaymentStarter payments, BoundInvoices invoices,
                        Clock clock) {
        this.topUps = topUps;
        this.accounts = accounts;
        this.tenants = tenants;
        this.paymentMethods = paymentMethods;
        this.quotes = quotes;
        this.conversions = conversions;
        this.savedMethods = savedMethods;
        this.payments = payments;
        this.invoices = invoices;
        this.clock = clock;
    }

    public record Options(AccountLimits limits, List<ConfiguredMethod> methods, String locale,
                          List<SavedMethod> savedMethods) { }

    @Transactional
    public Options options(String tenantId, String accountId, String payerId) {
        return options(tenantId, accountId, payerId, null);
    }

    /**
     * The options for paying in {@code paymentCurrency} (null: the account's): the methods are those
     * that take that currency.
     */
    @Transactional
    public Options options(String tenantId, String accountId, String payerId, CurrencyUnit paymentCurrency) {
        Account account = accounts.require(tenantId, accountId);
        String country = payerCountry(tenantId, account, payerId);
        CurrencyUnit paying = paymentCurrency == null ? account.currency() : paymentCurrency;
        return new Options(limitsFor(tenants.require(tenantId), account),
                paymentMethods.availableFor(tenantId, country, paying.code()), account.locale(),
                payerId == null ? List.of() : savedMethods.confirmedFor(tenantId, accountId, payerId));
    }

    /**
     * 422 {@code topup.amount_out_of_range} unless {@code credit} (in the account currency) is within
     * the account's limits: the check {@link #create} makes, for a page that asks before quoting.
     */
    @Transactional
    public void requireWithinLimits(String tenantId, String accountId, Money credit) {
        Account account = accounts.require(tenantId, accountId);
        requireWithin(limitsFor(tenants.require(tenantId), account), credit);
    }

    private static void requireWithin(AccountLimits limits, Money credit) {
        if (!credit.currency().equals(limits.minimum().currency()) || !limits.allows(credit)) {
            throw KassaException.unprocessable("topup.amount_out_of_range", "Amount out of range",
                            "A top-up must credit between " + limits.minimum() + " and " + limits.maximum() + ".")
                    .with("minimum", limits.minimum())
                    .with("maximum", limits.maximum());
        }
    }

    /**
     * What a customer asks for: pay {@code amount} with {@code method}; optionally as {@code payerId},
     * at a {@code quoteId} (another currency than the account's), keeping the method for later
     * ({@code saveMethod}), or with a saved method ({@code savedMethodId}), while away ({@code offSession});
     * from a browser that a gateway's hosted page may send back to {@code returnUrl} (or
     * {@code cancelUrl}), or, without them, for an API client. With {@code invoiceId}, the top-up pays
     * that open invoice when it is paid; {@code amount} may then be null (the invoice's gross amount).
     */
    public record Request(Money amount, String payerId, String method, String quoteId, boolean saveMethod,
                          String savedMethodId, boolean offSession, String idempotencyKey, String returnUrl,
                          String cancelUrl, String invoiceId) {
        /** A request for the balance alone, bound to no invoice. */
        public Request(Money amount, String payerId, String method, String quoteId, boolean saveMethod,
                       String savedMethodId, boolean offSession, String idempotencyKey, String returnUrl,
                       String cancelUrl) {
            this(amount, payerId, method, quoteId, saveMethod, savedMethodId, offSession, idempotencyKey, returnUrl,
                    cancelUrl, null);
        }

        /** An API client's request, without return URLs. */
        public Request(Money amount, String payerId, String method, String quoteId, boolean saveMethod,
                       String savedMethodId, boolean offSession, String idempotencyKey) {
            this(amount, payerId, method, quoteId, saveMethod, savedMethodId, offSession, idempotencyKey, null, null);
        }

        public ReturnUrls returnUrls() {
            return ReturnUrls.of(returnUrl, cancelUrl);
        }
    }

    /** The top-up and its payment attempt as they stand after the first call to the method. */
    public record Created(TopUp topUp, PaymentAttempt attempt) { }

    /**
     * A top-up of {@code amount} (the payment currency) into the account. Paying in another currency
     * than the account's needs a quote ({@code quoteId}) that prices exactly this amount into the
     * account currency; the limits apply to what reaches the balance. The top-up and its attempt
     * are committed before the method is called; the method's answer is applied like any later news.
     */
    @Transactional
    public Created create(String tenantId, String accountId, Request request) {
        ReturnUrls returnUrls = request.returnUrls();
        // Named after the Idempotency-Key: a retry of a request whose answer was lost finds the
        // attempt it committed, instead of paying a second time.
        String attemptId = request.idempotencyKey() == null ? Ids.next("att")
                : Ids.derived("att", tenantId, accountId, request.idempotencyKey());
        if (request.idempotencyKey() != null) {
            Optional<PaymentAttempt> earlier = payments.find(tenantId, attemptId);
            if (earlier.isPresent()) {
                return new Created(topUps.require(tenantId, earlier.get().topUpId()), earlier.get());
            }
        }
        Account account = accounts.require(tenantId, accountId);
        SavedMethod saved = request.savedMethodId() == null ? null
                : savedMethods.requireUsable(tenantId, accountId, request.savedMethodId(), request.method());
        String payerId = saved != null ? saved.payerId() : request.payerId();
        if (saved != null && request.payerId() != null && !request.payerId().equals(saved.payerId())) {
            throw KassaException.invalid("payerId", "payer.mismatch", "is not the payer the saved method belongs to");
        }
        BoundInvoices.Payable invoice = request.invoiceId() == null ? null
                : invoices.requirePayable(tenantId, accountId, payerId, request.invoiceId());
        if (invoice != null) {
            payerId = invoice.payerId();
        }
        Payer payer = payerId == null ? null : accounts.findPayer(tenantId, account.id(), payerId)
                .orElseThrow(KassaException::notFound);
        String country = payer == null ? account.country() : payer.country();
        Tenant tenant = tenants.require(tenantId);
        Money amount = invoice == null ? requireAmount(request.amount()) : invoiceAmount(invoice, request.amount());
        tenant.currencies().requireEnabled(amount.currency(), "amount.currency");
        Money credit = amount;
        String usedQuote = null;
        if (!amount.currency().equals(account.currency())) {
            Quote quote = quotes.requireFor(tenantId, accountId, account.currency(), amount, request.quoteId());
            credit = quote.to();
            usedQuote = quote.id();
        }
        if (invoice == null) {
            // An invoice's amount is what it is: the limits are for money put on the balance at will.
            requireWithin(limitsFor(tenant, account), credit);
        }
        ConfiguredMethod method = paymentMethods.offered(tenantId, request.method(), country, amount.currency().code())
                .orElseThrow(() -> KassaException.unprocessable("topup.method_unavailable", "Method unavailable",
                        "The payment method '" + request.method() + "' is not available for payers in " + country
                                + " paying " + amount.currency() + "."));
        if (!paymentMethods.accepts(method, amount)) {
            throw KassaException.unprocessable("topup.method_unavailable", "Method unavailable",
                    "The payment method '" + method.code() + "' cannot take exactly " + amount
                            + "; it would have to round it. Choose another amount or method.");
        }
        requireAbilities(method, request, payerId);
        String reference = References.next(References.TOP_UP);
        TopUp topUp = new TopUp(Ids.next("top"), tenantId, accountId, payerId, method.code(), amount, credit, usedQuote,
                reference, null, clock.instant());
        if (invoice != null) {
            topUp.bindTo(invoice.invoiceId());
        }
        PaymentAttempt attempt = new PaymentAttempt(attemptId, tenantId, topUp.id(), accountId, method.code(),
                amount, saved == null ? null : saved.id(), request.offSession(), clock.instant());
        attempt = payments.start(tenant, account, payer, method, topUp, attempt, request.saveMethod(),
                saved == null ? null : saved.token(), returnUrls);
        return new Created(topUps.require(tenantId, topUp.id()), attempt);
    }

    private static Money requireAmount(Money amount) {
        if (amount == null) {
            throw KassaException.invalid("amount", "required", "is required");
        }
        return amount;
    }

    /** A top-up that pays an invoice pays exactly its gross amount: left out, it is filled in. */
    private static Money invoiceAmount(BoundInvoices.Payable invoice, Money asked) {
        if (asked != null && !asked.equals(invoice.amount())) {
            throw KassaException.unprocessable("topup.invoice_amount_mismatch", "Amount differs from the invoice",
                            "A top-up that pays an invoice pays exactly its amount, " + invoice.amount()
                                    + "; leave amount out to have it filled in.")
                    .with("expected", invoice.amount());
        }
        return invoice.amount();
    }

    private static void requireAbilities(ConfiguredMethod method, Request request, String payerId) {
        if (request.saveMethod() && payerId == null) {
            throw KassaException.invalid("saveMethod", "saved_method.payer_required",
                    "needs a payerId: a saved method belongs to a payer");
        }
        if (request.offSession() && (request.savedMethodId() == null || !method.method().can(OffSessionPayments.class))) {
            throw KassaException.invalid("offSession", "offsession.unsupported", request.savedMethodId() == null
                    ? "needs a savedMethodId" : "the method " + method.code() + " cannot charge while the customer is away");
        }
        if ((request.saveMethod() || request.savedMethodId() != null) && !method.method().can(SavedMethods.class)) {
            throw KassaException.invalid(request.saveMethod() ? "saveMethod" : "savedMethodId",
                    "saved_method.unsupported", "the method " + method.code() + " cannot keep a method for later");
        }
    }

    /** Top-up limits and presets in the account's currency. */
    public record AccountLimits(Money minimum, Money maximum, List<Money> presets) {
        boolean allows(Money amount) {
            return amount.compareTo(minimum) >= 0 && amount.compareTo(maximum) <= 0;
        }
    }

    /**
     * The tenant's limits (set in its base currency) as this account sees them: converted into the
     * account currency at the day's rate, without markup, when the two differ.
     */
    private AccountLimits limitsFor(Tenant tenant, Account account) {
        TopUpLimits base = tenant.topUpLimits();
        CurrencyUnit to = account.currency();
        return new AccountLimits(conversions.indicative(base.minimum(), to), conversions.indicative(base.maximum(), to),
                base.presets().stream().map(p -> conversions.indicative(p, to)).toList());
    }

    @Transactional
    public TopUp get(String tenantId, String topUpId) {
        return topUps.require(tenantId, topUpId);
    }

    @Transactional
    public List<TopUp> list(String tenantId, String accountId, TopUpStatus status, PageRequest page) {
        accounts.require(tenantId, accountId);
        return topUps.page(tenantId, accountId, status, page.after(), page.limit());
    }

    @Transactional
    public TopUp cancel(String tenantId, String topUpId, String reason) {
        TopUp topUp = topUps.lock(tenantId, topUpId);
        topUp.cancel(null, reason, clock.instant()); // the caller's own doing: nobody is told
        return topUp;
    }

    /** The payer's country (the payer must belong to the account), or the account's when none is named. */
    private String payerCountry(String tenantId, Account account, String payerId) {
        if (payerId == null) {
            return account.country();
        }
        return accounts.findPayer(tenantId, account.id(), payerId).map(Payer::country)
                .orElseThrow(KassaException::notFound);
    }
}
