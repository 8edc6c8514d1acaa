package dev.kassa.server.clientarea.application;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.mail.application.BillingMails;
import dev.kassa.server.mail.application.MailRenderer;
import dev.kassa.server.mail.application.MailRequest;
import dev.kassa.server.mail.application.PaymentMails;
import dev.kassa.server.mail.domain.MailContent;
import dev.kassa.server.shared.Money;
import dev.kassa.server.signin.application.SignInService;
import dev.kassa.server.theme.application.ChosenTheme;
import dev.kassa.server.theme.application.ThemeChoice;
import dev.kassa.server.theme.application.ThemeRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes Kassa's e-mails with the themes' templates ({@code templates/mail/<name>.subject.txt},
 * {@code .txt}, {@code .html}), in the theme the customer sees in the client area (their chosen
 * language, else their country's theme), with the tenant's brand and a link to its client area.
 */
@ApplicationScoped
public class ThemeMails implements MailRenderer {
    /** Mail kind → the theme's template. */
    static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry(PaymentMails.PAID, "top-up-paid"),
            Map.entry(PaymentMails.CANCELLED, "top-up-cancelled"),
            Map.entry(PaymentMails.SAVED_METHOD_CONFIRMED, "saved-method-confirmed"),
            Map.entry(PaymentMails.REFUND_PROCESSED, "refund-processed"),
            Map.entry(SignInService.INVITATION_MAIL, "invitation"),
            Map.entry(SignInService.RESET_MAIL, "password-reset"),
            Map.entry(BillingMails.INVOICE_ISSUED, "invoice-issued"),
            Map.entry(BillingMails.INVOICE_PAID, "invoice-paid"),
            Map.entry(BillingMails.RENEWED, "renewal-succeeded"),
            Map.entry(BillingMails.RENEWAL_FAILED, "renewal-failed"),
            Map.entry(BillingMails.SUSPENDED, "service-suspended"));

    /** Mail kind → the client area's page its {@code url} opens (when the tenant's client area has a host). */
    private static final Map<String, String> PAGES = Map.of(
            PaymentMails.PAID, "/history",
            PaymentMails.CANCELLED, "/top-up", // to try again
            PaymentMails.SAVED_METHOD_CONFIRMED, "/saved-methods",
            BillingMails.INVOICE_ISSUED, "/invoices",
            BillingMails.INVOICE_PAID, "/invoices?status=PAID",
            BillingMails.RENEWED, "/renewals",
            BillingMails.RENEWAL_FAILED, "/invoices?status=NEW", // to pay the invoice
            BillingMails.SUSPENDED, "/invoices?status=NEW");

    private ThemeRenderer renderer;
    private ThemeChoice themes;
    private AccountService accounts;
    private BrandingService branding;
    private ClientAreaHosts hosts;

    protected ThemeMails() {
    }

    @Inject
    public ThemeMails(ThemeRenderer renderer, ThemeChoice themes, AccountService accounts, BrandingService branding,
                      ClientAreaHosts hosts) {
        this.renderer = renderer;
        this.themes = themes;
        this.accounts = accounts;
        this.branding = branding;
        this.hosts = hosts;
    }

    /** The tenant as a mail shows it. */
    public record MailTenant(String name, String supportEmail) { }

    /** The customer as a mail shows them. */
    public record MailCustomer(String name, Money balance) { }

    @Override
    public MailContent render(MailRequest request) {
        String template = TEMPLATES.get(request.kind());
        if (template == null) {
            throw new IllegalArgumentException("no template for mail " + request.kind());
        }
        Map<String, Object> model = new HashMap<>(request.model());
        Branding brand = branding.get(request.tenantId());
        model.put("tenant", new MailTenant(brand.displayName(), brand.supportEmail()));
        ChosenTheme theme;
        if (request.accountId() != null) {
            Account account = accounts.get(request.tenantId(), request.accountId());
            theme = themes.forCustomer(request.tenantId(), account.locale(), account.country());
            Object name = request.model().get("customerName");
            // A balance the event gave (as it was when the event happened) wins over the account as read here.
            Money balance = request.model().get("balance") instanceof Money given ? given : account.balance();
            model.put("customer", new MailCustomer(name == null ? account.name() : name.toString(), balance));
            model.put("balance", balance);
        } else {
            theme = themes.forVisitor(request.tenantId());
        }
        if (PaymentMails.PAID.equals(request.kind())) {
            model.put("amount", request.model().get("paid"));
            model.put("credit", request.model().get("credited"));
        }
        String page = PAGES.get(request.kind());
        if (page != null) {
            hosts.baseUrl(request.tenantId()).ifPresent(base -> {
                model.putIfAbsent("url", base + page);
                model.putIfAbsent("topUpUrl", base + "/top-up"); // what to do when the balance fell short
            });
        }
        model.putIfAbsent("url", null);
        model.putIfAbsent("topUpUrl", null);
        ThemeRenderer.RenderedMail mail = renderer.renderMail(theme, template, model);
        return new MailContent(mail.subject(), mail.text(), mail.html());
    }
}
