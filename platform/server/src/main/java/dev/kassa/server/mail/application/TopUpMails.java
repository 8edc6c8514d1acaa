package dev.kassa.server.mail.application;

import dev.kassa.server.account.application.AccountService;
import dev.kassa.server.account.domain.Account;
import dev.kassa.server.payment.application.TopUpPaid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;

/**
 * Mail about top-ups, written when the payment context says what happened: observed while the
 * event's transaction is under way, so the mail is in the outbox exactly when the top-up is paid.
 */
@ApplicationScoped
public class TopUpMails {
    /** The kind of the mail that tells the customer a top-up is paid. */
    public static final String PAID = "topup.paid";

    private AccountService accounts;
    private MailOutbox outbox;

    protected TopUpMails() {
    }

    @Inject
    public TopUpMails(AccountService accounts, MailOutbox outbox) {
        this.accounts = accounts;
        this.outbox = outbox;
    }

    /**
     * Model of {@value #PAID}: {@code customerName}, {@code reference} (the top-up's), {@code paid}
     * and {@code credited} ({@code Money}: what arrived, and what reached the balance in the
     * account's currency).
     */
    void onPaid(@Observes TopUpPaid paid) {
        Account account = accounts.get(paid.tenantId(), paid.accountId());
        outbox.compose(new MailRequest(paid.tenantId(), account.id(), PAID, account.email(), locale(account),
                Map.of("customerName", account.name(), "reference", paid.reference(), "paid", paid.paid(),
                        "credited", paid.credited())));
    }

    private static Locale locale(Account account) {
        return account.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(account.locale());
    }
}
