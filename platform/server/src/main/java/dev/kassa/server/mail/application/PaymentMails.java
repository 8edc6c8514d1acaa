package dev.kassa.server.mail.application;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.payment.application.RefundProcessed;
import dev.kassa.server.payment.application.SavedMethodConfirmed;
import dev.kassa.server.payment.application.TopUpCancelled;
import dev.kassa.server.payment.application.TopUpPaid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Mail about a customer's payments, written when the payment context says what happened: observed
 * while the event's transaction is under way, so the mail is in the outbox exactly when the change
 * it tells about is committed. Each observer only composes: a mail that cannot be written is kept
 * FAILED by {@link MailOutbox#compose} and never undoes the payment.
 */
@ApplicationScoped
public class PaymentMails {
    /** The kind of the mail that tells the customer a top-up is paid. */
    public static final String PAID = "topup.paid";
    /** The kind of the mail that tells the customer a top-up was cancelled because its payment failed. */
    public static final String CANCELLED = "topup.cancelled";
    /** The kind of the mail that tells the customer a payment method they added is saved. */
    public static final String SAVED_METHOD_CONFIRMED = "saved_method.confirmed";
    /** The kind of the mail that tells the customer a refund was sent. */
    public static final String REFUND_PROCESSED = "refund.processed";

    private AccountService accounts;
    private MailOutbox outbox;

    protected PaymentMails() {
    }

    @Inject
    public PaymentMails(AccountService accounts, MailOutbox outbox) {
        this.accounts = accounts;
        this.outbox = outbox;
    }

    /**
     * Model of {@value #PAID}: {@code customerName}, {@code reference} (the top-up's), {@code paid}
     * and {@code credited} ({@code Money}: what arrived, and what reached the balance in the
     * account's currency).
     */
    void onPaid(@Observes TopUpPaid paid) {
        compose(paid.tenantId(), paid.accountId(), PAID, Map.of("reference", paid.reference(), "paid", paid.paid(),
                "credited", paid.credited()));
    }

    /**
     * Model of {@value #CANCELLED}: {@code customerName}, {@code reference}, {@code amount}
     * ({@code Money}), {@code reasonCode} (the gateway's, may be null) and {@code reason} (the
     * gateway's words, for when the theme has none for the code).
     */
    void onCancelled(@Observes TopUpCancelled cancelled) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", cancelled.reference());
        model.put("amount", cancelled.amount());
        model.put("reasonCode", cancelled.reasonCode());
        model.put("reason", cancelled.reason());
        compose(cancelled.tenantId(), cancelled.accountId(), CANCELLED, model);
    }

    /** Model of {@value #SAVED_METHOD_CONFIRMED}: {@code customerName}, {@code brand} and {@code last4} (may be null). */
    void onSavedMethodConfirmed(@Observes SavedMethodConfirmed confirmed) {
        Map<String, Object> model = new HashMap<>();
        model.put("brand", confirmed.brand());
        model.put("last4", confirmed.last4());
        compose(confirmed.tenantId(), confirmed.accountId(), SAVED_METHOD_CONFIRMED, model);
    }

    /** Model of {@value #REFUND_PROCESSED}: {@code customerName}, {@code reference} (the top-up's), {@code amount}. */
    void onRefundProcessed(@Observes RefundProcessed processed) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", processed.reference());
        model.put("amount", processed.amount());
        compose(processed.tenantId(), processed.accountId(), REFUND_PROCESSED, model);
    }

    private void compose(String tenantId, String accountId, String kind, Map<String, Object> values) {
        Account account = accounts.get(tenantId, accountId);
        Map<String, Object> model = new HashMap<>(values);
        model.put("customerName", account.name());
        outbox.compose(new MailRequest(tenantId, account.id(), kind, account.email(), locale(account), model));
    }

    private static Locale locale(Account account) {
        return account.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(account.locale());
    }
}
