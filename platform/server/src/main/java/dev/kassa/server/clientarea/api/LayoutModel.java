package dev.kassa.server.clientarea.api;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.clientarea.application.Branding;
import dev.kassa.server.clientarea.application.BrandingService;
import dev.kassa.server.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * What the layout of every page shows besides the page's own model: the tenant's brand, the
 * signed-in customer with the balance of the header, the CSRF token of the page's forms, and where
 * the language switcher comes back to.
 */
@ApplicationScoped
public class LayoutModel {
    private BrandingService branding;
    private AccountService accounts;
    private Instance<LayoutContribution> contributions;

    protected LayoutModel() {
    }

    @Inject
    public LayoutModel(BrandingService branding, AccountService accounts,
                       @Any Instance<LayoutContribution> contributions) {
        this.branding = branding;
        this.accounts = accounts;
        this.contributions = contributions;
    }

    /** The brand as pages and e-mails show it. */
    public record TenantView(String name, String supportEmail, String legalFooter, boolean hasLogo) { }

    /** The signed-in customer as the header shows them. */
    public record CustomerView(String name, String email, String reference, Money balance) { }

    void fill(Map<String, Object> model, Visit visit) {
        Branding brand = branding.get(visit.tenantId());
        model.putIfAbsent("tenant", new TenantView(brand.displayName(), brand.supportEmail(), brand.legalFooter(),
                brand.hasLogo()));
        if (visit.signedIn()) {
            Account account = visit.account() != null ? visit.account()
                    : accounts.get(visit.tenantId(), visit.accountId());
            model.putIfAbsent("customer", new CustomerView(account.name(), account.email(), account.reference(),
                    account.balance()));
        }
        model.put("csrf", visit.csrf());
        model.putIfAbsent("here", visit.pathAndQuery());
        for (LayoutContribution contribution : contributions) {
            contribution.fill(model, visit);
        }
    }
}
