package dev.kassa.server.billing.application;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.application.VatIdChecks;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.account.domain.VatIdCheck;
import dev.kassa.server.account.domain.VatIdCheckStatus;
import dev.kassa.server.billing.domain.EuMemberStates;
import dev.kassa.server.billing.domain.Invoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes sure a VAT ID that would make an invoice reverse-charged was confirmed by VIES lately,
 * before the invoice is finalised. A VALID answer older than {@link #MAX_AGE} is asked again; a
 * PENDING check is asked again at once. Outside any transaction: VIES is asked between the
 * transactions. When VIES cannot answer, the last answer stands: a VAT ID confirmed before stays
 * confirmed, one never confirmed is not reverse-charged (see {@code TaxPolicy}).
 *
 * <p>The billing run does not ask VIES for each renewal ({@link RenewalVatIdRefresh}).
 */
@ApplicationScoped
public class ReverseChargeChecks {
    /** How old a VIES answer may be and still be relied on without asking again. */
    public static final Duration MAX_AGE = Duration.ofHours(24);

    private InvoiceService invoices;
    private BillingSettingsService settings;
    private AccountService accounts;
    private VatIdChecks checks;
    private Clock clock;

    protected ReverseChargeChecks() {
    }

    @Inject
    public ReverseChargeChecks(InvoiceService invoices, BillingSettingsService settings, AccountService accounts,
                               VatIdChecks checks, Clock clock) {
        this.invoices = invoices;
        this.settings = settings;
        this.accounts = accounts;
        this.checks = checks;
        this.clock = clock;
    }

    /** Before finalising the draft: asks VIES again when the payer's answer is missing or old. */
    public void beforeFinalizing(String tenantId, String invoiceId) {
        Invoice draft = invoices.get(tenantId, invoiceId);
        if (draft.finalizedAt() != null || draft.payerId() == null) {
            return; // the finalisation refuses it
        }
        Payer payer = accounts.payer(tenantId, draft.accountId(), draft.payerId());
        String establishment = settings.get(tenantId).establishmentCountry();
        if (crossBorder(establishment, payer) && needsAsking(payer.vatIdCheck(), clock.instant())) {
            checks.checkNow(tenantId, payer.id());
        }
    }

    static boolean crossBorder(String establishment, Payer payer) {
        return payer.vatId() != null && establishment != null && EuMemberStates.contains(payer.country())
                && !payer.country().equals(establishment);
    }

    static boolean needsAsking(VatIdCheck check, Instant now) {
        if (check == null) {
            return false;
        }
        if (check.status() == VatIdCheckStatus.PENDING) {
            return true;
        }
        return check.status() == VatIdCheckStatus.VALID && !check.validWithin(MAX_AGE, now);
    }
}
