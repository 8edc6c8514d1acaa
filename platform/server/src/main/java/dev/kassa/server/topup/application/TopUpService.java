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
    private Clock clock;

    protected TopUpService() {
    }

    @Inject
    public TopUpService(TopUpRepository topUps, AccountRepository accounts, TenantRepository tenants,
                        PaymentMethodService paymentMethods, Clock clock) {
        this.topUps = topUps;
        this.accounts = accounts;
        this.tenants = tenants;
        this.paymentMethods = paymentMethods;
        this.clock = clock;
    }

    public record Options(TopUpLimits limits, List<ConfiguredMethod> methods, String locale) { }

    @Transactional
    public Options options(String tenantId, String accountId, String payerId) {
        Account account = accounts.require(tenantId, accountId);
        String country = payerCountry(tenantId, account, payerId);
        return new Options(tenants.require(tenantId).topUpLimits(), paymentMethods.availableFor(tenantId, country),
                account.locale());
    }

    @Transactional
    public TopUp create(String tenantId, String accountId, Money amount, String payerId, String methodCode) {
        Account account = accounts.require(tenantId, accountId);
        String country = payerCountry(tenantId, account, payerId);
        if (!amount.currency().equals(account.currency())) {
            throw KassaException.unprocessable("topup.currency_unsupported", "Currency not supported",
                    "Top-ups of this account are in " + account.currency() + ", not " + amount.currency() + ".");
        }
        TopUpLimits limits = tenants.require(tenantId).topUpLimits();
        if (!limits.allows(amount)) {
            throw KassaException.unprocessable("topup.amount_out_of_range", "Amount out of range",
                            "A top-up must be between " + limits.minimum() + " and " + limits.maximum() + ".")
                    .with("minimum", MoneyView.of(limits.minimum()))
                    .with("maximum", MoneyView.of(limits.maximum()));
        }
        ConfiguredMethod method = paymentMethods.availableFor(tenantId, country).stream()
                .filter(m -> m.method().code().equals(methodCode)).findFirst()
                .orElseThrow(() -> KassaException.unprocessable("topup.method_unavailable", "Method unavailable",
                        "The payment method '" + methodCode + "' is not available for payers in " + country + "."));
        String reference = References.next(References.TOP_UP);
        TopUp topUp = new TopUp(Ids.next("top"), tenantId, accountId, payerId, methodCode, amount, reference,
                instructions(method, amount, reference), clock.instant());
        topUps.add(topUp);
        return topUp;
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
