package dev.kassa.server.clientarea.api;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.document.application.ProFormaDocuments;
import dev.kassa.server.payment.application.TopUpService;
import dev.kassa.server.payment.application.TransferInstructions;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.CreditorReferences;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.application.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /top-up/instructions?topUp=…}: how to pay a bank-transfer top-up (beneficiary, IBAN, BIC,
 * amount, the reference to quote), only for the customer's own top-up; and
 * {@code /top-up/another}: the same for another account of the tenant, by its reference, showing
 * nothing of that account but the reference.
 */
@ApplicationScoped
public class InstructionsPages implements ClientAreaPage {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private TopUpService topUps;
    private TransferInstructions transfers;
    private AccountService accounts;
    private TenantService tenants;

    protected InstructionsPages() {
    }

    @Inject
    public InstructionsPages(TopUpService topUps, TransferInstructions transfers, AccountService accounts,
                             TenantService tenants) {
        this.topUps = topUps;
        this.transfers = transfers;
        this.accounts = accounts;
        this.tenants = tenants;
    }

    /** What the customer quotes and where they send it; any of the bank's details may be absent. */
    public record InstructionsView(String beneficiary, String iban, String bic, String bankName, String reference,
                                   Money amount, String creditorReference) {
        static InstructionsView of(Map<String, String> bank, String reference, Money amount) {
            // The same reference as an ISO 11649 RF creditor reference, printed in groups of four.
            return new InstructionsView(bank.get("beneficiary"), bank.get("iban"), bank.get("bic"),
                    bank.get("bankName"), reference, amount,
                    CreditorReferences.forReference(reference).map(CreditorReferences::printed).orElse(null));
        }
    }

    /** The other-account form as typed. */
    public record AnotherForm(String reference, String amount, String currency) { }

    @Override
    public Set<String> paths() {
        return Set.of("/top-up/instructions", "/top-up/another");
    }

    @Override
    public boolean forCustomers() {
        return true;
    }

    @Override
    public Reply get(Visit visit) {
        if (visit.path().equals("/top-up/another")) {
            return another(visit, 200, new AnotherForm(null, null, null), Map.of());
        }
        String id = visit.param("topUp");
        if (id == null) {
            throw KassaException.notFound();
        }
        TopUp topUp = topUps.get(visit.tenantId(), id);
        if (!topUp.accountId().equals(visit.accountId()) || topUp.instructions() == null) {
            throw KassaException.notFound();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("section", "payments");
        model.put("instructions", parse(topUp.instructions(), topUp));
        model.put("topUpStatus", topUp.status().name());
        model.put("proForma", ProFormaDocuments.offered(topUp) ? "/top-ups/" + topUp.id() + "/pro-forma" : null);
        return Reply.page("top-up-instructions", model);
    }

    @Override
    public Reply post(Visit visit) {
        if (!visit.path().equals("/top-up/another")) {
            return null;
        }
        AnotherForm form = new AnotherForm(visit.param("reference"), visit.param("amount"), visit.param("currency"));
        List<CurrencyUnit> enabled = tenants.get(visit.tenantId()).currencies().enabled();
        CurrencyUnit currency = enabled.stream().filter(c -> c.code().equals(form.currency())).findFirst()
                .orElse(accounts.get(visit.tenantId(), visit.accountId()).currency());
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.reference() == null) {
            errors.put("reference", "another.error.reference");
        }
        Money amount = null;
        try {
            amount = form.amount() == null ? null : Money.parse(form.amount().replace(',', '.'), currency);
        } catch (Money.AmountFormatException e) {
            errors.put("amount", "topUp.error.amount");
        }
        if (form.amount() == null) {
            errors.put("amount", "topUp.error.amountMissing");
        }
        if (!errors.isEmpty()) {
            return another(visit, 422, form, errors);
        }
        try {
            TransferInstructions.Instructions found = transfers.forAccountReference(visit.tenantId(),
                    visit.accountId(), form.reference(), amount);
            Map<String, Object> model = new HashMap<>();
            model.put("section", "payments");
            model.put("instructions", InstructionsView.of(found.bank(), found.reference(), found.amount()));
            model.put("another", true);
            return Reply.page("top-up-instructions", model);
        } catch (KassaException e) {
            if ("account.reference_unknown".equals(firstCode(e))) {
                errors.put("reference", "another.error.unknown");
            } else if ("amount.invalid".equals(firstCode(e))) {
                errors.put("amount", "topUp.error.amount");
            } else if ("topup.method_unavailable".equals(e.code())) {
                errors.put("reference", "another.error.unavailable");
            } else {
                throw e;
            }
            return another(visit, 422, form, errors);
        }
    }

    private static String firstCode(KassaException e) {
        return e.errors().isEmpty() ? e.code() : e.errors().get(0).code();
    }

    private Reply another(Visit visit, int status, AnotherForm form, Map<String, String> errors) {
        List<String> currencies = tenants.get(visit.tenantId()).currencies().enabled().stream()
                .map(CurrencyUnit::code).toList();
        String own = accounts.get(visit.tenantId(), visit.accountId()).currency().code();
        Map<String, Object> model = new HashMap<>();
        model.put("section", "payments");
        model.put("form", new AnotherForm(form.reference(), form.amount(),
                currencies.contains(form.currency()) ? form.currency() : own));
        model.put("currencies", currencies);
        model.put("errors", new LinkedHashMap<>(errors));
        return Reply.page(status, "top-up-another", model);
    }

    /** A top-up's stored instructions (a JSON object of the method's data, the reference and the amount). */
    static InstructionsView parse(String json, TopUp topUp) {
        Map<String, String> bank = new HashMap<>();
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                if (e.getValue() instanceof JsonString) {
                    bank.put(e.getKey(), ((JsonString) e.getValue()).getString());
                }
            }
        }
        return InstructionsView.of(bank, topUp.reference(), topUp.amount());
    }
}
