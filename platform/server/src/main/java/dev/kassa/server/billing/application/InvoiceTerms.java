package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.account.domain.VatIdCheck;
import dev.kassa.server.account.domain.VatIdCheckStatus;
import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.LocationEvidence;
import dev.kassa.server.payment.application.SavedMethodService;
import dev.kassa.server.payment.domain.SavedMethod;
import dev.kassa.server.payment.domain.TopUpRepository;
import dev.kassa.server.billing.domain.Taxation;
import dev.kassa.server.billing.domain.VatRates;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the tenant's billing settings and a payer make of an invoice: the inputs of every line's tax
 * decision, and the seller and buyer the invoice names.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InvoiceTerms {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private AccountRepository accounts;
    private BillingSettingsService settings;
    private VatRates rates;
    private SavedMethodService savedMethods;
    private TopUpRepository topUps;

    protected InvoiceTerms() {
    }

    @Inject
    public InvoiceTerms(AccountRepository accounts, BillingSettingsService settings, VatRates rates,
                        SavedMethodService savedMethods, TopUpRepository topUps) {
        this.accounts = accounts;
        this.settings = settings;
        this.rates = rates;
        this.savedMethods = savedMethods;
        this.topUps = topUps;
    }

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** The tax inputs and the parties, with the settings they came from and the evidence behind them. */
    public record Terms(Taxation taxation, Invoice.Parties parties, BillingSettings settings,
                        Invoice.BuyerEvidence evidence) { }

    /**
     * The tax inputs, the parties and the evidence of the buyer's status and location: what
     * finalising an invoice keeps.
     *
     * @throws KassaException 404 when the payer is not one of the account's; 409
     *         {@code billing.settings_incomplete} while the tenant has no establishment country
     */
    public Terms of(String tenantId, String accountId, String payerId, LocalDate supplyDate) {
        return ofAll(tenantId, List.of(new Question(accountId, payerId, supplyDate))).get(0);
    }

    /** Who an invoice is for, and when it is supplied: the question {@link #of} answers. */
    public record Question(String accountId, String payerId, LocalDate supplyDate) { }

    /**
     * What {@link #of} gives for each question, all of one tenant (a billing batch), in order: the
     * saved methods and the bank transfers' IBANs that locate consumers are read in one query each
     * for all of them, not in two per invoice. (A caller that has many payers to read reads them at
     * once first: {@link AccountRepository#readPayers}.)
     *
     * @throws KassaException as {@link #of}
     */
    public List<Terms> ofAll(String tenantId, List<Question> questions) {
        Set<String> accountIds = new TreeSet<>();
        for (Question q : questions) {
            accountIds.add(q.accountId());
        }
        Sources sources = new Sources(savedMethods.confirmedByPayer(tenantId, accountIds),
                topUps.payerIbans(tenantId, accountIds));
        List<Terms> out = new ArrayList<>(questions.size());
        for (Question q : questions) {
            out.add(of(tenantId, q.accountId(), q.payerId(), q.supplyDate(), sources));
        }
        return out;
    }

    private Terms of(String tenantId, String accountId, String payerId, LocalDate supplyDate, Sources sources) {
        Basis b = basis(tenantId, accountId, payerId, supplyDate);
        Payer payer = b.payer();
        BillingSettings s = b.settings();
        VatIdCheck check = payer.vatIdCheck();
        Invoice.Parties parties = new Invoice.Parties(s.establishmentCountry(), s.vatId(), payer.name(),
                payer.country(), payer.vatId());
        Invoice.BuyerEvidence evidence = new Invoice.BuyerEvidence(check == null ? null : check.status().name(),
                check == null ? null : check.consultationNumber(), check == null ? null : check.checkedAt(),
                location(tenantId, accountId, payer, b.taxation().vatIdConfirmed(), sources));
        return new Terms(b.taxation(), parties, s, evidence);
    }

    /**
     * The tax inputs alone: a draft's preview of its lines' tax. The location evidence (two queries
     * for a consumer) is gathered once, when the invoice is finalised ({@link #of}).
     *
     * @throws KassaException as {@link #of}
     */
    public Taxation taxation(String tenantId, String accountId, String payerId, LocalDate supplyDate) {
        return basis(tenantId, accountId, payerId, supplyDate).taxation();
    }

    private record Basis(Payer payer, BillingSettings settings, Taxation taxation) { }

    private Basis basis(String tenantId, String accountId, String payerId, LocalDate supplyDate) {
        Payer payer = accounts.findPayer(tenantId, accountId, payerId).orElseThrow(KassaException::notFound);
        BillingSettings s = settings.get(tenantId);
        if (s.establishmentCountry() == null) {
            throw KassaException.conflict("billing.settings_incomplete", "Billing settings incomplete",
                    "Set the establishment country in the billing settings (PUT /api/v1/settings/billing) before"
                            + " invoicing: every VAT decision depends on it.");
        }
        VatIdCheck check = payer.vatIdCheck();
        boolean confirmed = check != null && check.status() == VatIdCheckStatus.VALID;
        return new Basis(payer, s, new Taxation(s.establishmentCountry(), payer.country(), payer.vatId(), confirmed,
                supplyDate, s.pricesIncludeVat(), rates.table()));
    }

    /**
     * The evidences of the customer's location Kassa knows: the payer's country, its billing
     * address's country (an address object with a {@code country} member), the account's, and for
     * a consumer (no VAT ID VIES confirmed, whose location decides the VAT) the country the gateway
     * reported for the payer's default saved method: a card's issuer ({@code CARD_COUNTRY}) or a
     * bank debit's account ({@code BANK_COUNTRY}); failing that, the country of the IBAN the payer's
     * newest bank transfer came from, when a bank statement named it ({@code BANK_COUNTRY}).
     */
    private List<LocationEvidence> location(String tenantId, String accountId, Payer payer, boolean business,
                                            Sources sources) {
        List<LocationEvidence> out = new ArrayList<>();
        out.add(new LocationEvidence(LocationEvidence.Kind.PAYER_COUNTRY, payer.country()));
        addressCountry(payer.address()).ifPresent(c -> out.add(
                new LocationEvidence(LocationEvidence.Kind.BILLING_ADDRESS, c)));
        accounts.find(tenantId, accountId).ifPresent(a -> out.add(
                new LocationEvidence(LocationEvidence.Kind.ACCOUNT_COUNTRY, a.country())));
        if (!business) {
            Optional<LocationEvidence> method = sources.confirmed(accountId, payer.id()).stream()
                    .filter(m -> m.country() != null).findFirst()
                    .map(m -> new LocationEvidence(LocationEvidence.methodKind(m.brand()), m.country()));
            if (method.isEmpty()) {
                method = sources.lastPayerIban(accountId, payer.id()).flatMap(InvoiceTerms::ibanCountry)
                        .map(c -> new LocationEvidence(LocationEvidence.Kind.BANK_COUNTRY, c));
            }
            method.ifPresent(out::add);
        }
        return out;
    }

    /**
     * Where a consumer's location evidence beyond the payer and the account comes from: the
     * confirmed saved methods (payer id → methods, the default first) and the IBANs top-ups were
     * paid from (newest first) of the accounts invoiced, read beforehand.
     */
    private record Sources(Map<String, List<SavedMethod>> methodsByPayer, List<TopUpRepository.PayerIban> ibans) {
        /** The payer's confirmed saved methods, the default first. */
        List<SavedMethod> confirmed(String accountId, String payerId) {
            return methodsByPayer.getOrDefault(payerId, List.of()).stream()
                    .filter(m -> m.accountId().equals(accountId)).toList();
        }

        /** The IBAN the newest top-up of the payer (or of the account, naming no payer) was paid from. */
        Optional<String> lastPayerIban(String accountId, String payerId) {
            return ibans.stream()
                    .filter(i -> i.accountId().equals(accountId) && (i.payerId() == null || i.payerId().equals(payerId)))
                    .map(TopUpRepository.PayerIban::iban).findFirst();
        }
    }

    /** The country an IBAN's first two letters name. */
    static Optional<String> ibanCountry(String iban) {
        String code = iban.strip().length() < 2 ? "" : iban.strip().substring(0, 2).toUpperCase(Locale.ROOT);
        return COUNTRY.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    static Optional<String> addressCountry(String address) {
        if (address == null) {
            return Optional.empty();
        }
        try {
            JsonValue value = JSON.createReader(new StringReader(address)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return Optional.empty();
            }
            JsonObject object = value.asJsonObject();
            if (object.get("country") instanceof JsonString country) {
                String code = country.getString().strip().toUpperCase(Locale.ROOT);
                return COUNTRY.matcher(code).matches() ? Optional.of(code) : Optional.empty();
            }
            return Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }
}
