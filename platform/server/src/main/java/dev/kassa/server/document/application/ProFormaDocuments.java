package dev.kassa.server.document.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.billing.application.BillingSettingsService;
import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.document.domain.DocumentKind;
import dev.kassa.server.document.domain.PrintedDocument;
import dev.kassa.server.document.domain.PrintedDocument.Mention;
import dev.kassa.server.payment.application.TopUpService;
import dev.kassa.server.payment.application.TransferInstructions;
import dev.kassa.server.payment.domain.TopUp;
import dev.kassa.server.payment.domain.TopUpStatus;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import dev.kassa.server.tenant.application.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The "payment invoice" a customer asks for when adding funds by bank transfer (the seeds' FAQ): a
 * pro-forma with the payer's billing details, what to pay, the bank's details and the reference to
 * quote. It is no invoice (no number, no VAT: the money goes to the balance), and says so.
 */
@ApplicationScoped
public class ProFormaDocuments implements DocumentMapper {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private TopUpService topUps;
    private AccountRepository accounts;
    private TenantService tenants;
    private BillingSettingsService settings;
    private DocumentWords words;

    protected ProFormaDocuments() {
    }

    @Inject
    public ProFormaDocuments(TopUpService topUps, AccountRepository accounts, TenantService tenants,
                             BillingSettingsService settings, DocumentWords words) {
        this.topUps = topUps;
        this.accounts = accounts;
        this.tenants = tenants;
        this.settings = settings;
        this.words = words;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.PRO_FORMA;
    }

    /** Whether the top-up has a pro-forma: a bank-transfer top-up still waiting for its money. */
    public static boolean offered(TopUp topUp) {
        return TransferInstructions.METHOD.equals(topUp.method()) && topUp.status() == TopUpStatus.NEW
                && topUp.instructions() != null;
    }

    /** @throws KassaException 409 {@code topup.no_pro_forma} for a top-up that has none */
    @Override
    @Transactional
    public PrintedDocument map(String tenantId, String topUpId, String locale) {
        TopUp topUp = topUps.get(tenantId, topUpId);
        if (!offered(topUp)) {
            throw KassaException.conflict("topup.no_pro_forma", "No pro-forma",
                    "A pro-forma is made for a bank-transfer top-up that is still waiting for its money.");
        }
        Optional<Payer> payer = topUp.payerId() == null ? Optional.empty()
                : accounts.findPayer(tenantId, topUp.accountId(), topUp.payerId());
        String country = payer.map(Payer::country).orElse(null);
        BillingSettings s = settings.get(tenantId);
        String line = words.of(tenantId, locale, country, "document.line.prepayment", topUp.reference());
        Money amount = topUp.amount();
        LocalDate day = LocalDate.ofInstant(topUp.createdAt(), ZoneOffset.UTC);
        return new PrintedDocument(DocumentKind.PRO_FORMA, null, day, null, null, amount.currency(), locale,
                new PrintedDocument.Party(tenants.get(tenantId).name(), List.of(), s.establishmentCountry(), s.vatId(),
                        null),
                new PrintedDocument.Party(payer.map(Payer::name).orElse(""),
                        PostalAddress.lines(payer.map(Payer::address).orElse(null)), country,
                        payer.map(Payer::vatId).orElse(null), null),
                List.of(new PrintedDocument.Line(line, 1, amount, amount, null, null, null)), List.of(),
                new PrintedDocument.Totals(amount, Money.zero(amount.currency()), amount, true),
                List.of(Mention.of("document.mention.proForma")),
                new PrintedDocument.Payment(false, null, topUp.reference(), bankLines(topUp.instructions())), null);
    }

    /** The bank's details as the transfer needs them: beneficiary, IBAN, BIC, bank. */
    static List<String> bankLines(String instructionsJson) {
        List<String> lines = new ArrayList<>();
        try (JsonReader reader = JSON.createReader(new StringReader(instructionsJson))) {
            JsonObject data = reader.readObject();
            add(lines, "", data, "beneficiary");
            add(lines, "IBAN ", data, "iban");
            add(lines, "BIC ", data, "bic");
            add(lines, "", data, "bankName");
        }
        return lines;
    }

    private static void add(List<String> lines, String label, JsonObject data, String field) {
        if (data.get(field) instanceof JsonString) {
            lines.add(label + data.getString(field));
        }
    }
}
