package dev.kassa.server.theme.infrastructure;

import dev.kassa.server.theme.application.Texts;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #texts} in templates: the rendering's {@link Texts}, for what {@code #{...}} cannot say,
 * such as {@code ${#texts.forCode('decline', code, fallback)}} (a text if the theme has one for the
 * code, else the fallback). Empty texts in a rendering without them.
 */
final class TextsDialect extends AbstractDialect implements IExpressionObjectDialect {
    static final String NAME = "texts";
    private static final Texts NONE = new Texts(Map.of(), Map.of());

    TextsDialect() {
        super("kassa-texts");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                Object texts = context.getVariable(TextsMessageResolver.VARIABLE);
                return texts instanceof Texts t ? t : NONE;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
