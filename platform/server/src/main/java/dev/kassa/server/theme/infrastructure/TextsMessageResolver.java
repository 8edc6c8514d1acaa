package dev.kassa.server.theme.infrastructure;

import dev.kassa.server.theme.application.Texts;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * {@code #{key}} and {@code #{key(${a}, ${b})}}: the rendering's {@link Texts} (the tenant's own,
 * then the theme chain's). A text is shown as it is, or, given parameters, as a
 * {@link MessageFormat} pattern in the rendering's locale. A key with no text shows as
 * {@code ??key_locale??}, which the theme tests look for.
 */
final class TextsMessageResolver implements IMessageResolver {
    /** The context variable holding the rendering's texts. */
    static final String VARIABLE = "kassaTexts";
    /**
     * Patterns parsed once per text and locale, cloned for each use (MessageFormat is not
     * thread-safe): the themes' texts with parameters and the tenants' own, a few hundred.
     */
    private static final Map<List<Object>, MessageFormat> PATTERNS = new ConcurrentHashMap<>();
    private static final int MAX_PATTERNS = 10_000;

    @Override
    public String getName() {
        return "texts";
    }

    @Override
    public Integer getOrder() {
        return 1;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        Object texts = context.getVariable(VARIABLE);
        String text = texts instanceof Texts t ? t.get(key) : null;
        if (text == null || messageParameters == null || messageParameters.length == 0) {
            return text;
        }
        MessageFormat prototype = PATTERNS.computeIfAbsent(List.of(text, context.getLocale()),
                k -> new MessageFormat(text, context.getLocale()));
        if (PATTERNS.size() > MAX_PATTERNS) {
            PATTERNS.clear();
        }
        return ((MessageFormat) prototype.clone()).format(messageParameters);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] messageParameters) {
        return "??" + key + "_" + context.getLocale().toLanguageTag() + "??";
    }
}
