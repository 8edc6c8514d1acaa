package dev.kassa.server.mail.application;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.billing.application.InvoiceFinalized;
import dev.kassa.server.billing.application.InvoicePaid;
import dev.kassa.server.billing.application.InvoiceService;
import dev.kassa.server.billing.application.ServiceRenewalFailed;
import dev.kassa.server.billing.application.ServiceRenewed;
import dev.kassa.server.billing.application.ServiceSuspended;
import dev.kassa.server.billing.domain.Invoice;
import dev.kassa.server.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Mail about a customer's invoices and services, put into the outbox when billing says what happened,
 * in the transaction of the event (like {@link PaymentMails}), and written from the theme's templates
 * when it is first sent ({@link MailOutbox#composeLater}): the invoice issued, its receipt once paid,
 * a renewal paid, a renewal left unpaid with what to do, a service suspended.
 *
 * <p>A renewal invoice gets no "invoice issued" mail: the renewal's own mail (paid, or left unpaid
 * with what to do) names it. Every paid invoice gets its receipt, a renewal's too.
 */
@ApplicationScoped
public class BillingMails {
    /** An invoice was finalised (not sent for renewal invoices). */
    public static final String INVOICE_ISSUED = "invoice.issued";
    /** The receipt of a paid invoice. */
    public static final String INVOICE_PAID = "invoice.paid";
    /** A service's next period is paid. */
    public static final String RENEWED = "service.renewed";
    /** A renewal invoice was left open: the balance did not cover it. */
    public static final String RENEWAL_FAILED = "service.renewal_failed";
    /** A service was suspended, its renewal invoice unpaid. */
    public static final String SUSPENDED = "service.suspended";

    private AccountService accounts;
    private InvoiceService invoices;
    private MailOutbox outbox;

    protected BillingMails() {
    }

    @Inject
    public BillingMails(AccountService accounts, InvoiceService invoices, MailOutbox outbox) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.outbox = outbox;
    }

    /** Model of {@value #INVOICE_ISSUED}: {@code number}, {@code amount} (gross), {@code dueAt}. */
    void onFinalized(@Observes InvoiceFinalized finalized) {
        Invoice invoice = invoices.get(finalized.tenantId(), finalized.invoiceId());
        if (invoice.lines().stream().anyMatch(l -> l.serviceId() != null) || invoice.isPrepayment()) {
            return; // a top-up's invoice is paid already: its receipt mail tells the customer
        }
        Map<String, Object> model = new HashMap<>();
        model.put("number", finalized.number());
        model.put("amount", finalized.gross());
        model.put("dueAt", finalized.dueAt());
        compose(finalized.tenantId(), finalized.accountId(), INVOICE_ISSUED, model);
    }

    /**
     * Model of {@value #INVOICE_PAID}: {@code number}, {@code amount}, {@code paidAt}, {@code from} ({@code balance}),
     * {@code balance} (after the payment).
     */
    void onPaid(@Observes InvoicePaid paid) {
        if (InvoicePaid.FROM_TOP_UP.equals(paid.from())) {
            return; // a top-up's own invoice: the top-up's receipt mail tells the customer already
        }
        Map<String, Object> model = new HashMap<>();
        model.put("number", paid.number());
        model.put("amount", paid.amount());
        model.put("paidAt", paid.paidAt());
        model.put("from", paid.from());
        model.put("balance", paid.balanceAfter());
        compose(paid.tenantId(), paid.accountId(), INVOICE_PAID, model);
    }

    /** Model of {@value #RENEWED}: {@code serviceName}, {@code number} and {@code amount} of the invoice, {@code nextRenewalAt}, {@code balance} when the event knows it. */
    void onRenewed(@Observes ServiceRenewed renewed) {
        Map<String, Object> model = invoiceModel(renewed.tenantId(), renewed.invoiceId(), renewed.name());
        model.put("nextRenewalAt", renewed.nextRenewalAt());
        putBalance(model, renewed.balance());
        compose(renewed.tenantId(), renewed.accountId(), RENEWED, model);
    }

    /**
     * Model of {@value #RENEWAL_FAILED}: {@code serviceName}, {@code number}, {@code amount}, {@code suspendAt} (may be
     * null), {@code balance} when the event knows it.
     */
    void onRenewalFailed(@Observes ServiceRenewalFailed failed) {
        Map<String, Object> model = invoiceModel(failed.tenantId(), failed.invoiceId(), failed.name());
        model.put("suspendAt", failed.suspendAt());
        putBalance(model, failed.balance());
        compose(failed.tenantId(), failed.accountId(), RENEWAL_FAILED, model);
    }

    /** Model of {@value #SUSPENDED}: {@code serviceName}, {@code number}, {@code amount}, {@code terminateAt} (may be null). */
    void onSuspended(@Observes ServiceSuspended suspended) {
        Map<String, Object> model = invoiceModel(suspended.tenantId(), suspended.invoiceId(), suspended.name());
        model.put("terminateAt", suspended.terminateAt());
        compose(suspended.tenantId(), suspended.accountId(), SUSPENDED, model);
    }

    /**
     * The balance the event saw, when it says: the account read here may be the one its transaction
     * locked before charging it (a billing run reads each account once per batch).
     */
    private static void putBalance(Map<String, Object> model, Money balance) {
        if (balance != null) {
            model.put("balance", balance);
        }
    }

    private Map<String, Object> invoiceModel(String tenantId, String invoiceId, String serviceName) {
        Map<String, Object> model = new HashMap<>();
        model.put("serviceName", serviceName);
        Invoice invoice = invoiceId == null ? null : invoices.get(tenantId, invoiceId);
        model.put("number", invoice == null ? null : invoice.number());
        model.put("amount", invoice == null ? null : invoice.gross());
        return model;
    }

    private void compose(String tenantId, String accountId, String kind, Map<String, Object> values) {
        Account account = accounts.get(tenantId, accountId);
        Map<String, Object> model = new HashMap<>(values);
        model.put("customerName", account.name());
        // As it is now, not when the mail is written: the event's own balance, else the account as read here.
        model.putIfAbsent("balance", account.balance());
        // Written when sent: the themes' time stays out of the billing run's transactions.
        outbox.composeLater(new MailRequest(tenantId, account.id(), kind, account.email(), locale(account), model));
    }

    private static Locale locale(Account account) {
        return account.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(account.locale());
    }
}
