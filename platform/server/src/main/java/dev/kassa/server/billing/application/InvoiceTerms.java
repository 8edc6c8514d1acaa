package dev.kassa.server.billing.application;

import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.billing.domain.BillingSettings;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.billing.domain.Taxation;
import dev.kassa.server.billing.domain.VatRates;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/**
 * What the tenant's billing settings and a payer make of an invoice: the inputs of every line's tax
 * decision, and the seller and buyer the invoice names.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InvoiceTerms {
    private AccountRepository accounts;
    private BillingSettingsService settings;
    private VatRates rates;

    protected InvoiceTerms() {
    }

    @Inject
    public InvoiceTerms(AccountRepository accounts, BillingSettingsService settings, VatRates rates) {
        this.accounts = accounts;
        this.settings = settings;
        this.rates = rates;
    }

    /** The tax inputs and the parties, with the settings they came from. */
    public record Terms(Taxation taxation, Invoice.Parties parties, BillingSettings settings) { }

    /**
     * @throws KassaException 404 when the payer is not one of the account's; 409
     *         {@code billing.settings_incomplete} while the tenant has no establishment country
     */
    public Terms of(String tenantId, String accountId, String payerId, LocalDate supplyDate) {
        Payer payer = accounts.findPayer(tenantId, accountId, payerId).orElseThrow(KassaException::notFound);
        BillingSettings s = settings.get(tenantId);
        if (s.establishmentCountry() == null) {
            throw KassaException.conflict("billing.settings_incomplete", "Billing settings incomplete",
                    "Set the establishment country in the billing settings (PUT /api/v1/settings/billing) before"
                            + " invoicing: every VAT decision depends on it.");
        }
        Taxation taxation = new Taxation(s.establishmentCountry(), payer.country(), payer.vatId(), supplyDate,
                s.pricesIncludeVat(), rates.table());
        Invoice.Parties parties = new Invoice.Parties(s.establishmentCountry(), s.vatId(), payer.name(),
                payer.country(), payer.vatId());
        return new Terms(taxation, parties, s);
    }
}
