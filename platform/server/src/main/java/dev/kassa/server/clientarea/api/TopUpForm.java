package dev.kassa.server.clientarea.api;

import dev.kassa.api.payment.SavedMethods;
import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.payment.application.BoundInvoices;
import dev.kassa.server.payment.application.PaymentMethodService.ConfiguredMethod;
import dev.kassa.server.payment.application.TopUpService;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.tenant.application.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The top-up form as one customer sees it: what they typed or chose (read from the request), and
 * what they may choose from (the tenant's currencies, their payers, the limits, the methods and
 * saved methods of the chosen payer from {@link TopUpService#options}).
 */
@ApplicationScoped
public class TopUpForm {
    static final String SAVED = "saved:";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private TopUpService topUps;
    private AccountService accounts;
    private TenantService tenants;
    private BoundInvoices invoices;

    protected TopUpForm() {
    }

    @Inject
    public TopUpForm(TopUpService topUps, AccountService accounts, TenantService tenants, BoundInvoices invoices) {
        this.topUps = topUps;
        this.accounts = accounts;
        this.tenants = tenants;
        this.invoices = invoices;
    }

    /**
     * What the customer typed and chose; {@code key} makes a double-submitted form one top-up;
     * {@code invoice} the open invoice being paid ({@code /top-up?invoice=…}), or null.
     */
    public record Input(String amount, String currency, String payer, String method, boolean saveMethod, String key,
                        String invoice) { }

    public record PayerOption(String id, String name, String country, boolean selected) { }

    /**
     * One payment choice: a saved method ({@code saved:<id>}, with brand, last 4 and expiry) or a
     * method of the tenant (its code, name and processing time).
     */
    public record MethodOption(String value, String name, String brand, String last4, String expiry,
                               String processingTime, boolean saved, boolean canSave, boolean checked) { }

    /** The choices behind the form, with the input made to fit them (a currency or payer that is no choice is dropped). */
    public record Choices(Account account, Input input, CurrencyUnit paymentCurrency, List<String> currencies,
                          List<PayerOption> payers, String payerId, TopUpService.Options options,
                          List<MethodOption> methods, BoundInvoices.Payable invoice, boolean invoiceClosed) {
        boolean anyCanSave() {
            return payerId != null && methods.stream().anyMatch(MethodOption::canSave);
        }

        Optional<MethodOption> chosen() {
            return methods.stream().filter(m -> m.value().equals(input.method())).findFirst();
        }

        /** The saved method chosen, if a saved one is. */
        Optional<SavedMethod> savedMethod() {
            if (input.method() == null || !input.method().startsWith(SAVED)) {
                return Optional.empty();
            }
            String id = input.method().substring(SAVED.length());
            return options.savedMethods().stream().filter(s -> s.id().equals(id)).findFirst();
        }
    }

    Input read(Visit visit) {
        String key = visit.param("key");
        // A preset chosen without JavaScript (which would have copied it into the amount) stands for the amount.
        String amount = visit.param("amount") != null ? visit.param("amount") : visit.param("preset");
        String invoice = visit.param("invoice");
        return new Input(amount, visit.param("currency"), visit.param("payer"), visit.param("method"),
                visit.param("saveMethod") != null, key != null && KEY.matcher(key).matches() ? key
                        : ClientAreaServlet.token(24), invoice == null || invoice.isBlank() ? null : invoice);
    }

    /**
     * @throws dev.kassa.server.shared.KassaException 404 when the payer named is not one of the account's
     */
    Choices choices(Visit visit, Input typed) {
        Account account = visit.account();
        BoundInvoices.Payable invoice = null;
        boolean invoiceClosed = false;
        if (typed.invoice() != null) {
            try {
                invoice = invoices.requirePayable(visit.tenantId(), visit.accountId(), null, typed.invoice());
            } catch (KassaException e) {
                if (e.status() == 404) {
                    throw e;
                }
                invoiceClosed = true; // paid meanwhile, or not this customer's to pay here
            }
        }
        List<CurrencyUnit> enabled = tenants.get(visit.tenantId()).currencies().enabled();
        // An invoice is paid in its own currency, the account's, by its own payer, for its amount.
        CurrencyUnit currency = invoice != null ? account.currency() : enabled.stream()
                .filter(c -> c.code().equals(typed.currency())).findFirst().orElse(account.currency());
        List<Payer> payers = accounts.payers(visit.tenantId(), visit.accountId());
        String payerId = invoice != null ? invoice.payerId()
                : typed.payer() != null ? typed.payer() : payers.isEmpty() ? null : payers.get(0).id();
        TopUpService.Options options = topUps.options(visit.tenantId(), visit.accountId(), payerId, currency);
        String locale = visit.theme().locale();
        List<String> offered = options.methods().stream().map(ConfiguredMethod::code).toList();
        List<MethodOption> methods = new ArrayList<>();
        String checked = typed.method();
        List<SavedMethod> saved = options.savedMethods().stream().filter(s -> offered.contains(s.method()))
                .sorted(Comparator.comparing(s -> !s.isDefault())).toList();
        if (checked == null) {
            checked = saved.stream().filter(SavedMethod::isDefault).findFirst().map(s -> SAVED + s.id()).orElse(null);
        }
        Map<String, ConfiguredMethod> byCode = new HashMap<>();
        options.methods().forEach(m -> byCode.put(m.code(), m));
        for (SavedMethod s : saved) {
            String value = SAVED + s.id();
            methods.add(new MethodOption(value, byCode.get(s.method()).method().info().name(locale), s.brand(),
                    s.last4(), s.expiry(), null, true, false, value.equals(checked)));
        }
        for (ConfiguredMethod m : options.methods()) {
            methods.add(new MethodOption(m.code(), m.method().info().name(locale), null, null, null,
                    m.method().info().processingTime(locale), false, m.method().can(SavedMethods.class),
                    m.code().equals(checked)));
        }
        if (checked == null && methods.size() == 1) {
            MethodOption only = methods.get(0);
            methods.set(0, new MethodOption(only.value(), only.name(), only.brand(), only.last4(), only.expiry(),
                    only.processingTime(), only.saved(), only.canSave(), true));
            checked = only.value();
        }
        String chosenPayer = payerId;
        List<PayerOption> payerOptions = payers.size() < 2 || invoice != null ? List.of() : payers.stream()
                .map(p -> new PayerOption(p.id(), p.name(), p.country(), p.id().equals(chosenPayer))).toList();
        Input input = new Input(invoice != null ? invoice.amount().amountString() : typed.amount(), currency.code(),
                payerId, checked, typed.saveMethod(), typed.key(), invoice == null ? null : invoice.invoiceId());
        return new Choices(account, input, currency, invoice != null ? List.of(currency.code())
                : enabled.stream().map(CurrencyUnit::code).toList(), payerOptions, payerId, options, methods, invoice,
                invoiceClosed);
    }

    /** The model of the top-up page. */
    Map<String, Object> model(Choices choices, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("section", "payments");
        model.put("form", choices.input());
        model.put("limits", choices.options().limits());
        model.put("currencies", choices.currencies());
        model.put("accountCurrency", choices.account().currency().code());
        model.put("payers", choices.payers());
        model.put("methods", choices.methods());
        model.put("canSave", choices.anyCanSave());
        Map<String, String> shown = new LinkedHashMap<>(errors);
        if (choices.invoiceClosed()) {
            shown.putIfAbsent("invoice", "topUp.error.invoice");
        }
        model.put("errors", shown);
        model.put("invoice", choices.invoice());
        return model;
    }
}
