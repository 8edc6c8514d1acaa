package dev.kassa.server.mail.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A mail still to be written: what happened ({@code kind} and the values of the {@code model}),
 * for whom and in which language. {@link MailRenderer} turns it into text.
 *
 * @param accountId the customer account it is about, or null
 * @param locale the customer's language
 * @param model the values the template shows, by name (a value may be null); each kind documents its own
 */
public record MailRequest(String tenantId, String accountId, String kind, String recipient, Locale locale,
                          Map<String, Object> model) {
    public MailRequest {
        model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
    }
}
