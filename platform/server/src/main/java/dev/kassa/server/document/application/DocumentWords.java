package dev.kassa.server.document.application;

import dev.kassa.server.theme.application.ChosenTheme;
import dev.kassa.server.theme.application.ThemeChoice;
import dev.kassa.server.theme.application.ThemeRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;

/**
 * Words a document carries as data rather than as template text, such as a receipt's line: taken
 * from the customer's theme in the document's language (the tenant's own texts first), so the PDF
 * and anything else that reads the document say the same.
 */
@ApplicationScoped
public class DocumentWords {
    private ThemeChoice themes;
    private ThemeRenderer renderer;

    protected DocumentWords() {
    }

    @Inject
    public DocumentWords(ThemeChoice themes, ThemeRenderer renderer) {
        this.themes = themes;
        this.renderer = renderer;
    }

    /** The text of {@code key} with its arguments; the key itself when no theme has it. */
    public String of(String tenantId, String locale, String country, String key, Object... arguments) {
        ChosenTheme theme = themes.forCustomer(tenantId, locale, country);
        String pattern = renderer.texts(theme).get(key);
        if (pattern == null) {
            return key;
        }
        return new MessageFormat(pattern, theme.javaLocale()).format(arguments);
    }
}
