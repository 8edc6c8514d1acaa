package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.VatIdFormat;
import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.billing.domain.BillingSettingsRepository;
import dev.kassa.server.billing.domain.EuMemberStates;
import dev.kassa.server.billing.domain.NumberFormat;
import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A tenant's billing settings: reading them (defaults until saved) and replacing them as a whole. */
@ApplicationScoped
public class BillingSettingsService {
    /** Ten years: more is a typing mistake. */
    static final int MAX_DAYS = 3650;

    private BillingSettingsRepository repository;
    private Clock clock;

    protected BillingSettingsService() {
    }

    @Inject
    public BillingSettingsService(BillingSettingsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The settings in force: the saved ones, else the defaults. */
    @Transactional
    public BillingSettings get(String tenantId) {
        return repository.find(tenantId).orElseGet(() -> BillingSettings.defaults(tenantId));
    }

    /**
     * A change as the client sent it: null members take their defaults. {@code vatId} as typed
     * (spaces, dots and dashes are dropped).
     */
    public record Change(String establishmentCountry, String vatId, Boolean pricesIncludeVat, Integer graceDays,
                         Integer terminationDays, Boolean invoiceTopUps, String invoiceFormat,
                         String creditNoteFormat, String receiptFormat) { }

    /**
     * Replaces the settings as a whole.
     *
     * @throws KassaException 422 {@code request.invalid}, each field's problem named: {@code country.not_eu},
     *         {@code vat_id.invalid}, {@code vat_id.country_missing}, {@code negative}, {@code too_large},
     *         {@code before_grace}, {@code numbering.placeholder_unknown}, {@code numbering.seq_missing},
     *         {@code numbering.year_missing}, {@code invalid}
     */
    @Transactional
    public BillingSettings update(String tenantId, Change change) {
        List<FieldError> errors = new ArrayList<>();
        String country = change.establishmentCountry();
        if (country != null && !EuMemberStates.contains(country)) {
            errors.add(new FieldError("establishmentCountry", "country.not_eu",
                    "must be a member state of the EU (Greece is GR): Kassa applies EU VAT rules"));
        }
        String vatId = change.vatId() == null || change.vatId().isBlank() ? null : VatIdFormat.normalise(change.vatId());
        if (vatId != null) {
            if (country == null) {
                errors.add(new FieldError("vatId", "vat_id.country_missing",
                        "needs establishmentCountry, whose format it must match"));
            } else if (EuMemberStates.contains(country) && !VatIdFormat.matches(country, vatId)) {
                errors.add(new FieldError("vatId", "vat_id.invalid", "does not match the VAT number format of "
                        + country + " (it starts with " + EuMemberStates.vatPrefix(country) + ")"));
            }
        }
        int grace = days("graceDays", change.graceDays(), BillingSettings.DEFAULT_GRACE_DAYS, errors);
        int termination = days("terminationDays", change.terminationDays(), BillingSettings.DEFAULT_TERMINATION_DAYS,
                errors);
        if (grace >= 0 && termination >= 0 && termination < grace) {
            errors.add(new FieldError("terminationDays", "before_grace",
                    "must be at least graceDays: a service is suspended before it is terminated"));
        }
        String invoice = format("numbering.invoice", change.invoiceFormat(), BillingSettings.DEFAULT_INVOICE_FORMAT,
                errors);
        String creditNote = format("numbering.creditNote", change.creditNoteFormat(),
                BillingSettings.DEFAULT_CREDIT_NOTE_FORMAT, errors);
        String receipt = format("numbering.receipt", change.receiptFormat(), BillingSettings.DEFAULT_RECEIPT_FORMAT,
                errors);
        if (!errors.isEmpty()) {
            throw KassaException.invalid(errors);
        }
        BillingSettings.Values values = new BillingSettings.Values(country, vatId,
                Boolean.TRUE.equals(change.pricesIncludeVat()), grace, termination,
                Boolean.TRUE.equals(change.invoiceTopUps()), invoice, creditNote, receipt);
        BillingSettings settings = repository.find(tenantId).orElseGet(() -> {
            BillingSettings fresh = BillingSettings.defaults(tenantId);
            repository.add(fresh);
            return fresh;
        });
        settings.replace(values, clock.instant());
        return settings;
    }

    private static int days(String field, Integer value, int fallback, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        if (value < 0) {
            errors.add(new FieldError(field, "negative", "must be 0 or more days"));
            return -1;
        }
        if (value > MAX_DAYS) {
            errors.add(new FieldError(field, "too_large", "must be at most " + MAX_DAYS + " days"));
            return -1;
        }
        return value;
    }

    private static String format(String field, String value, String fallback, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        for (NumberFormat.Problem problem : NumberFormat.check(value)) {
            errors.add(new FieldError(field, problem.code(), problem.message()));
        }
        return value;
    }
}
