package dev.kassa.server.mail.application;

import dev.kassa.server.mail.domain.MailContent;

/**
 * A renderer for unit tests of the mail and sign-in contexts: plain English text, no theme. The
 * server writes mail with the themes' templates ({@code clientarea.application.ThemeMails}).
 */
public class PlainEnglishMails implements MailRenderer {
    /** The kind of the invitation mail: {@code customerName}, {@code url}, {@code expiresAt} (an {@code Instant}). */
    public static final String INVITATION = "account.invitation";
    /** The kind of the password reset mail: {@code customerName}, {@code url}, {@code expiresAt} (an {@code Instant}). */
    public static final String PASSWORD_RESET = "account.password_reset";

    @Override
    public MailContent render(MailRequest request) {
        var model = request.model();
        switch (request.kind()) {
            case PaymentMails.PAID:
                return new MailContent("Top-up " + model.get("reference") + " paid", "Hello " + model.get("customerName")
                        + ",\n\nwe received your payment of " + model.get("paid") + " for top-up "
                        + model.get("reference") + ".\n" + model.get("credited")
                        + " has been added to your balance.\n\nThank you.\n", null);
            case INVITATION:
                return new MailContent("Your account is ready", "Hello " + model.get("customerName")
                        + ",\n\nan account was opened for you. Choose a password to sign in:\n\n" + model.get("url")
                        + "\n\nThis link works once, until " + model.get("expiresAt") + ".\n", null);
            case PASSWORD_RESET:
                return new MailContent("Reset your password", "Hello " + model.get("customerName")
                        + ",\n\nsomeone asked to reset the password of your account. If it was you, choose a new"
                        + " password:\n\n" + model.get("url") + "\n\nThis link works once, until "
                        + model.get("expiresAt") + ".\nIf it was not you, ignore this e-mail: your password stays"
                        + " as it is.\n", null);
            default:
                throw new IllegalArgumentException("no template for mail " + request.kind());
        }
    }
}
