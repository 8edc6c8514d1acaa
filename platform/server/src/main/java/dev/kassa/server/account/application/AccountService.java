package dev.kassa.server.account.application;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.account.domain.AccountRepository;
import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.account.domain.VatIdFormat;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Ids;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.PageRequest;
import dev.kassa.server.shared.References;
import dev.kassa.server.tenant.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Customer accounts of a tenant and the payers that pay for them. */
@ApplicationScoped
public class AccountService {
    private static final int MAX_PAYERS = 50;

    private AccountRepository accounts;
    private TenantRepository tenants;
    private OpenTopUps openTopUps;
    private Clock clock;

    protected AccountService() {
    }

    @Inject
    public AccountService(AccountRepository accounts, TenantRepository tenants, OpenTopUps openTopUps, Clock clock) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.openTopUps = openTopUps;
        this.clock = clock;
    }

    /**
     * {@code currency} may be null: the tenant's base currency. {@code locale} may be null: the account
     * has no language of its own until the customer chooses one.
     */
    public record NewAccount(String email, String name, String country, String locale, CurrencyUnit currency) { }

    @Transactional
    public Account create(String tenantId, NewAccount request) {
        var tenant = tenants.require(tenantId);
        if (accounts.emailTaken(tenantId, request.email())) {
            throw KassaException.conflict("account.email_taken", "Email taken",
                    "An account with this email already exists.");
        }
        CurrencyUnit currency = request.currency() == null ? tenant.baseCurrency() : request.currency();
        tenant.currencies().requireEnabled(currency, "currency");
        Account account = new Account(Ids.next("acc"), tenantId, References.next(References.ACCOUNT),
                request.email(), request.name(), request.country(), request.locale(), currency, clock.instant());
        accounts.add(account);
        return account;
    }

    /** Why the account currency cannot change now. */
    public enum CurrencyLock {
        /** The balance is not zero: the money was counted in the current currency. */
        BALANCE_NOT_ZERO,
        /** A top-up is still NEW: its amount and credit were agreed in the current currency. */
        TOP_UP_OPEN
    }

    /**
     * Why {@link #changeCurrency} would refuse now, or empty when it would not: for a page that shows
     * the reason instead of a form that cannot succeed.
     */
    @Transactional
    public Optional<CurrencyLock> currencyLock(String tenantId, String accountId) {
        Account account = accounts.require(tenantId, accountId);
        if (!account.currencyChangeable()) {
            return Optional.of(CurrencyLock.BALANCE_NOT_ZERO);
        }
        if (openTopUps.exist(tenantId, accountId)) {
            return Optional.of(CurrencyLock.TOP_UP_OPEN);
        }
        return Optional.empty();
    }

    /** The currencies an account of the tenant may be kept in: the tenant's enabled ones. */
    @Transactional
    public List<CurrencyUnit> accountCurrencies(String tenantId) {
        return tenants.require(tenantId).currencies().enabled();
    }

    /**
     * Changes the account currency: allowed while the balance is zero and no top-up is still NEW
     * (its amount and credit were agreed in the old currency); otherwise 409 {@code account.currency_locked}.
     */
    @Transactional
    public Account changeCurrency(String tenantId, String accountId, CurrencyUnit currency) {
        Account account = accounts.lock(tenantId, accountId);
        if (account.currency().equals(currency)) {
            return account;
        }
        tenants.require(tenantId).currencies().requireEnabled(currency, "currency");
        if (openTopUps.exist(tenantId, accountId)) {
            throw KassaException.conflict("account.currency_locked", "Account currency locked",
                    "The currency cannot change while a top-up is still NEW; cancel it or wait until it is paid.");
        }
        account.changeCurrency(currency);
        return account;
    }

    /** Saves the language the customer chose in the client area; it wins over the country's theme from then on. */
    @Transactional
    public Account chooseLocale(String tenantId, String accountId, String locale) {
        Account account = accounts.lock(tenantId, accountId);
        account.chooseLocale(locale);
        return account;
    }

    @Transactional
    public Account get(String tenantId, String accountId) {
        return accounts.require(tenantId, accountId);
    }

    /** The tenant's account with this email, compared without case. */
    @Transactional
    public Optional<Account> findByEmail(String tenantId, String email) {
        return accounts.findByEmail(tenantId, email);
    }

    @Transactional
    public List<Account> list(String tenantId, PageRequest page) {
        return accounts.page(tenantId, page.after(), page.limit());
    }

    public record NewPayer(Payer.Type type, String name, String country, String vatId, String address) { }

    @Transactional
    public Payer addPayer(String tenantId, String accountId, NewPayer request) {
        accounts.lock(tenantId, accountId); // serialises the payer count check
        String vatId = request.vatId() == null ? null : VatIdFormat.normalise(request.vatId());
        if (vatId != null && !VatIdFormat.matches(request.country(), vatId)) {
            throw KassaException.invalid("vatId", "vat_id.invalid",
                    "does not match the VAT number format of " + request.country());
        }
        if (accounts.countPayers(tenantId, accountId) >= MAX_PAYERS) {
            throw KassaException.conflict("payer.limit_reached", "Too many payers",
                    "An account can have at most " + MAX_PAYERS + " payers.");
        }
        Payer payer = new Payer(Ids.next("pyr"), tenantId, accountId, request.type(), request.name(),
                request.country(), vatId, request.address(), clock.instant());
        accounts.addPayer(payer);
        return payer;
    }

    /**
     * A change to a payer: null leaves a field as it is; {@code clearVatId} and {@code clearAddress}
     * remove those two (the others cannot be removed).
     */
    public record PayerChange(Payer.Type type, String name, String country, String vatId, boolean clearVatId,
                              String address, boolean clearAddress) { }

    /**
     * Changes a payer of the account (404 for another account's or tenant's). The VAT ID, the new
     * one or the one kept, must match the VAT number format of the country, the new one or the one
     * kept ({@code vat_id.invalid} on {@code vatId}), as when the payer was added.
     */
    @Transactional
    public Payer changePayer(String tenantId, String accountId, String payerId, PayerChange change) {
        accounts.lock(tenantId, accountId); // one change of the account's payers at a time
        Payer payer = accounts.findPayer(tenantId, accountId, payerId).orElseThrow(KassaException::notFound);
        String country = change.country() == null ? payer.country() : change.country();
        String vatId = change.clearVatId() ? null
                : change.vatId() == null ? payer.vatId() : VatIdFormat.normalise(change.vatId());
        if (vatId != null && !VatIdFormat.matches(country, vatId)) {
            throw KassaException.invalid("vatId", "vat_id.invalid", "does not match the VAT number format of " + country);
        }
        payer.change(change.type() == null ? payer.type() : change.type(),
                change.name() == null ? payer.name() : change.name(), country, vatId,
                change.clearAddress() ? null : change.address() == null ? payer.address() : change.address(),
                clock.instant());
        return payer;
    }

    @Transactional
    public Payer payer(String tenantId, String accountId, String payerId) {
        return accounts.findPayer(tenantId, accountId, payerId).orElseThrow(KassaException::notFound);
    }

    @Transactional
    public List<Payer> payers(String tenantId, String accountId) {
        accounts.require(tenantId, accountId);
        return accounts.payers(tenantId, accountId);
    }
}
