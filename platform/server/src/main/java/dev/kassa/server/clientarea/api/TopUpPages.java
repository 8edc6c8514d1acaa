package dev.kassa.server.clientarea.api;

import dev.kassa.api.payment.SavedMethods;
import dev.kassa.server.currency.application.QuoteService;
import dev.kassa.server.currency.domain.Quote;
import dev.kassa.server.payment.application.TopUpService;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code /top-up}: the amount (in the account currency, within the tenant's limits), the payment
 * currency, the payer and the method. A payment in another currency first shows a quote to
 * confirm. Confirming pays at once with a saved method, sends the browser to a gateway's hosted
 * page, or shows bank-transfer instructions. Every rule is {@link TopUpService}'s, as for the API.
 */
@ApplicationScoped
public class TopUpPages implements ClientAreaPage {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private TopUpForm forms;
    private TopUpService topUps;
    private QuoteService quotes;

    protected TopUpPages() {
    }

    @Inject
    public TopUpPages(TopUpForm forms, TopUpService topUps, QuoteService quotes) {
        this.forms = forms;
        this.topUps = topUps;
        this.quotes = quotes;
    }

    @Override
    public Set<String> paths() {
        return Set.of("/top-up");
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply get(Visit visit) {
        TopUpForm.Choices choices = forms.choices(visit, forms.read(visit));
        return Reply.page("top-up", forms.model(choices, Map.of()));
    }

    @Override
    public Reply post(Visit visit) {
        TopUpForm.Choices choices = forms.choices(visit, forms.read(visit));
        TopUpForm.Input input = choices.input();
        Map<String, String> errors = new LinkedHashMap<>();
        if (choices.invoice() != null) {
            return payInvoice(visit, choices);
        }
        Money credit = null;
        try {
            credit = input.amount() == null ? null : Money.parse(input.amount().replace(',', '.'),
                    choices.account().currency());
        } catch (Money.AmountFormatException e) {
            errors.put("amount", "topUp.error.amount");
        }
        if (input.amount() == null) {
            errors.put("amount", "topUp.error.amountMissing");
        }
        if (choices.chosen().isEmpty()) {
            errors.put("method", "topUp.error.method");
        }
        if (!errors.isEmpty()) {
            return Reply.page(422, "top-up", forms.model(choices, errors));
        }
        try {
            Quote quote = null;
            if (!choices.paymentCurrency().equals(choices.account().currency())) {
                String quoteId = visit.param("quote");
                if (quoteId == null) {
                    topUps.requireWithinLimits(visit.tenantId(), visit.accountId(), credit);
                    return confirm(visit, choices, newQuote(visit, choices, credit), false);
                }
                quote = quotes.get(visit.tenantId(), quoteId); // an expired one is refused by the top-up
            }
            return pay(visit, choices, quote == null ? credit : quote.from(), quote);
        } catch (KassaException e) {
            if ("quote.expired".equals(e.code())) {
                return confirm(visit, choices, newQuote(visit, choices, credit), true);
            }
            if (e.status() == 404) {
                throw e;
            }
            errors.put(fieldOf(e), messageOf(e));
            return Reply.page(422, "top-up", forms.model(choices, errors));
        }
    }

    /** Paying an open invoice: its amount and payer are fixed; only the method is chosen. */
    private Reply payInvoice(Visit visit, TopUpForm.Choices choices) {
        if (choices.chosen().isEmpty()) {
            return Reply.page(422, "top-up", forms.model(choices, Map.of("method", "topUp.error.method")));
        }
        try {
            return pay(visit, choices, null, null);
        } catch (KassaException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Reply.page(422, "top-up", forms.model(choices, Map.of(fieldOf(e), messageOf(e))));
        }
    }

    private Quote newQuote(Visit visit, TopUpForm.Choices choices, Money credit) {
        return quotes.create(visit.tenantId(), new QuoteService.Request(null, choices.paymentCurrency(), credit, null,
                visit.accountId()));
    }

    private Reply confirm(Visit visit, TopUpForm.Choices choices, Quote quote, boolean requoted) {
        Map<String, Object> model = forms.model(choices, Map.of());
        model.put("quote", quote);
        model.put("requoted", requoted);
        model.put("chosenMethod", choices.chosen().orElseThrow());
        return Reply.page("top-up-confirm", model);
    }

    private Reply pay(Visit visit, TopUpForm.Choices choices, Money amount, Quote quote) {
        TopUpForm.Input input = choices.input();
        SavedMethod saved = choices.savedMethod().orElse(null);
        String method = saved != null ? saved.method() : input.method();
        boolean canSave = choices.options().methods().stream().anyMatch(m -> m.code().equals(method)
                && m.method().can(SavedMethods.class));
        boolean save = saved == null && input.saveMethod() && canSave && choices.payerId() != null;
        // A top-up's id is made by the service: the gateway sends the customer back to the history,
        // where the newest top-up is on top.
        TopUpService.Created created = topUps.create(visit.tenantId(), visit.accountId(), new TopUpService.Request(
                amount, choices.payerId(), method, quote == null ? null : quote.id(), save,
                saved == null ? null : saved.id(), saved != null, input.key(),
                saved != null ? null : visit.origin() + "/history?returned=1",
                saved != null ? null : visit.origin() + "/top-up", choices.invoice() == null ? null
                        : choices.invoice().invoiceId()));
        String topUpId = created.topUp().id();
        if (created.topUp().instructions() != null) {
            return Reply.redirect("/top-up/instructions?topUp=" + topUpId);
        }
        String redirect = redirectUrl(created.attempt().nextAction());
        if (redirect != null && saved == null) {
            return Reply.redirect(redirect);
        }
        return Reply.redirect("/history?topUp=" + topUpId);
    }

    /** The hosted page's address of a {@code {"type": "redirect"}} next action, else null. */
    static String redirectUrl(String nextActionJson) {
        if (nextActionJson == null) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(nextActionJson))) {
            JsonObject action = reader.readObject();
            if ("redirect".equals(action.getString("type", null)) && action.containsKey("redirectUrl")) {
                String url = action.getString("redirectUrl");
                return url.startsWith("https://") || url.startsWith("http://") ? url : null;
            }
            return null;
        }
    }

    /** The form field a service's refusal is about. */
    static String fieldOf(KassaException e) {
        String code = e.code() == null ? "" : e.code();
        if (!e.errors().isEmpty()) {
            String field = e.errors().get(0).field();
            if ("amount".equals(field)) {
                return "amount";
            }
            if ("payerId".equals(field)) {
                return "payer";
            }
        }
        if (code.startsWith("invoice.") || code.startsWith("topup.invoice")) {
            return "invoice";
        }
        if (code.startsWith("topup.amount") || code.startsWith("amount.") || code.equals("quote.amount_too_small")) {
            return "amount";
        }
        if (code.startsWith("currency.") || code.startsWith("quote.") || code.startsWith("rate")) {
            return "currency";
        }
        return "method";
    }

    /** The text key of a service's refusal; an unforeseen one gets a general text on the method. */
    static String messageOf(KassaException e) {
        String code = e.code() == null ? "" : e.code();
        if (code.equals("topup.amount_out_of_range")) {
            return "topUp.error.range";
        }
        if (code.startsWith("invoice.") || code.startsWith("topup.invoice")) {
            return "topUp.error.invoice";
        }
        if (code.startsWith("amount.") || code.equals("quote.amount_too_small")) {
            return "topUp.error.amount";
        }
        if (code.startsWith("currency.") || code.startsWith("quote.") || code.startsWith("rate")) {
            return "topUp.error.currency";
        }
        if (code.equals("topup.method_unavailable")) {
            return "topUp.error.methodUnavailable";
        }
        if (!e.errors().isEmpty() && e.errors().get(0).code() != null
                && e.errors().get(0).code().startsWith("amount")) {
            return "topUp.error.amount";
        }
        return "topUp.error.failed";
    }
}
