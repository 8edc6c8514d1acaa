package dev.kassa.server.theme.infrastructure;

import dev.kassa.server.theme.domain.LocaleFormats;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #format} in templates: {@link LocaleFormats} for the rendering's locale, dates in the
 * model's {@code timeZone} (a {@link ZoneId}) or UTC.
 */
final class FormatDialect extends AbstractDialect implements IExpressionObjectDialect {
    static final String NAME = "format";

    FormatDialect() {
        super("kassa-format");
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
                Object zone = context.getVariable("timeZone");
                return new LocaleFormats(context.getLocale(), zone instanceof ZoneId z ? z : ZoneOffset.UTC);
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
