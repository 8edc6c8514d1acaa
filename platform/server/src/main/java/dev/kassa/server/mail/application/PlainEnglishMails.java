package dev.kassa.server.mail.application;

import dev.kassa.server.mail.domain.MailContent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * TO BE REPLACED by the themes' mail templates (issue 11): plain English text, whatever the
 * customer's language, no HTML, no branding beyond the sender's name. It knows the one mail Kassa
 * sends today, {@value TopUpMails#PAID}; the themes' renderer takes its place as the
 * {@link MailRenderer}.
 */
@ApplicationScoped
public class PlainEnglishMails implements MailRenderer {
    @Override
    public MailContent render(MailRequest request) {
        if (!request.kind().equals(TopUpMails.PAID)) {
            throw new IllegalArgumentException("no template for mail " + request.kind());
        }
        var model = request.model();
        String text = "Hello " + model.get("customerName") + ",\n\n"
                + "we received your payment of " + model.get("paid") + " for top-up " + model.get("reference")
                + ".\n" + model.get("credited") + " has been added to your balance.\n\n"
                + "Thank you.\n";
        return new MailContent("Top-up " + model.get("reference") + " paid", text, null);
    }
}
