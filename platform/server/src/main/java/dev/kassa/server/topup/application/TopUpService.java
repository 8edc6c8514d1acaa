package dev.kassa.server.topup.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.payment.application.PaymentMethodService;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.payment.domain.BankDetails;
import dev.kassa.server.payment.domain.BuiltInMethod;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.shared.MoneyView;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.shared.References;
import dev.kassa.server.currency.application.Conversions;
import dev.kassa.server.currency.application.QuoteService;
import dev.kassa.server.currency.domain.Quote;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.tenant.domain.Tenant;
import dev.kassa.server.tenant.domain.TenantRepository;
import dev.kassa.server.tenant.domain.TopUpLimits;
import dev.kassa.server.topup.domain.TopUp;
import dev.kassa.server.topup.domain.TopUpRepository;
import dev.kassa.server.topup.domain.TopUpStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Top-ups: what a customer may choose, the intention to pay, and its cancellation. */
@ApplicationScoped
public class TopUpService {
    private TopUpRepository topUps;
    private AccountRepository accounts;
    private TenantRepository tenants;
    private PaymentMethodService paymentMethods;
    private QuoteService quotes;
    private Conversions conversions;
    private Clock clock;

    protected TopUpService() {
    }

    @Inject
    public TopUpService(TopUpRepository topUps, AccountRepository accounts, TenantRepository tenants,
                        PaymentMethodService paymentMethods, QuoteService quotes, Conversions conversions,
                        Clock clock) {
        this.topUps = topUps;
        this.accounts = accounts;
        this.tenants = tenants;
        this.paymentMethods = paymentMethods;
        this.quotes = quotes;
        this.conversions = conversions;
        this.clock = clock;
    }

    public record Options(AccountLimits limits, List<ConfiguredMethod> methods, String locale) { }

    @Transactional
    public Options options(String tenantId, String accountId, String payerId) {
        Account account = accounts.require(tenantId, accountId);
        String country = payerCountry(tenantId, account, payerId);
        return new Options(limitsFor(tenants.require(tenantId), account),
                paymentMethods.availableFor(tenantId, country), account.locale());
    }

    /**
     * A top-up of {@code amount} (the payment currency) into the account. Paying in another currency
     * than the account's needs a quote ({@code quoteId}) that prices exactly this amount into the
     * account currency; the limits apply to what reaches the balance.
     */
    @Transactional
    public TopUp create(String tenantId, String accountId, Money amount, String payerId, String methodCode,
                        String quoteId) {
        Account account = accounts.require(tenantId, accountId);
        String country = payerCountry(tenantId, account, payerId);
        Tenant tenant = tenants.require(tenantId);
        tenant.currencies().requireEnabled(amount.currency(), "amount.currency");
        Money credit = amount;
        String usedQuote = null;
        if (!amount.currency().equals(account.currency())) {
            Quote quote = quotes.requireFor(tenantId, accountId, account.currency(), amount, quoteId);
            credit = quote.to();
            usedQuote = quote.id();
        }
        AccountLimits limits = limitsFor(tenant, account);
        if (!limits.allows(credit)) {
            throw KassaException.unprocessable("topup.amount_out_of_range", "Amount out of range",
                            "A top-up must credit between " + limits.minimum() + " and " + limits.maximum() + ".")
                    .with("minimum", MoneyView.of(limits.minimum()))
                    .with("maximum", MoneyView.of(limits.maximum()));
        }
        ConfiguredMethod method = paymentMethods.availableFor(tenantId, country).stream()
                .filter(m -> m.method().code().equals(methodCode)).findFirst()
                .orElseThrow(() -> KassaException.unprocessable("topup.method_unavailable", "Method unavailable",
                        "The payment method '" + methodCode + "' is not available for payers in " + country + "."));
        String reference = References.next(References.TOP_UP);
        TopUp topUp = new TopUp(Ids.next("top"), tenantId, accountId, payerId, methodCode, amount, credit, usedQuote,
                reference, instructions(method, amount, reference), clock.instant());
        topUps.add(topUp);
        return topUp;
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
        topUp.cancel(reason, clock.instant());
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

    private static String instructions(ConfiguredMethod method, Money amount, String reference) {
        if (method.method() != BuiltInMethod.BANK_TRANSFER) {
            return null;
        }
        BankDetails bank = method.bankDetails();
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "bank_transfer");
        addIfSet(b, "beneficiary", bank.beneficiary());
        addIfSet(b, "iban", bank.iban());
        addIfSet(b, "bic", bank.bic());
        addIfSet(b, "bankName", bank.bankName());
        b.add("reference", reference);
        b.add("amount", Json.createObjectBuilder().add("amount", amount.amountString())
                .add("currency", amount.currency().code()));
        return b.build().toString();
    }

    private static void addIfSet(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
