package dev.kassa.server.theme.infrastructure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;

/**
 * {@code ${a.b.c}} without OGNL when every step is a model variable, a map entry or a record's
 * component (the models of Kassa's pages are records and maps): about half of a page's
 * expressions, each read through a cached accessor instead of OGNL's reflection and access
 * checks. Anything else (operators, method calls, {@code #objects}, selections, beans, a null
 * on the way) goes to Thymeleaf's own OGNL evaluator, which gives the same answer or error as
 * ever. Only record components and map entries are read here, so no template reaches anything
 * OGNL's restrictions would refuse.
 */
final class PathEvaluator implements IStandardVariableExpressionEvaluator {
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    /** What OGNL reads from a map other than its entries. */
    private static final Set<String> MAP_MEMBERS = Set.of("size", "isEmpty", "keys", "values", "class");
    private static final String[] NOT_A_PATH = new String[0];
    private static final int MAX_EXPRESSIONS = 10_000;

    private final IStandardVariableExpressionEvaluator ognl = new OGNLVariableExpressionEvaluator(true);
    private final Map<String, String[]> paths = new ConcurrentHashMap<>();
    private final Map<Class<?>, Map<String, Optional<Method>>> accessors = new ConcurrentHashMap<>();

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                           StandardExpressionExecutionContext expContext) {
        String exp = expression.getExpression();
        if (exp == null || expression.getUseSelectionAsRoot() || expContext.getRestrictVariableAccess()
                || !(context instanceof ITemplateContext)) {
            return ognl.evaluate(context, expression, expContext);
        }
        if (paths.size() > MAX_EXPRESSIONS) {
            paths.clear();
        }
        String[] path = paths.computeIfAbsent(exp, e -> PATH.matcher(e).matches() ? e.split("\\.") : NOT_A_PATH);
        if (path == NOT_A_PATH || !((ITemplateContext) context).containsVariable(path[0])) {
            return ognl.evaluate(context, expression, expContext);
        }
        Object value = context.getVariable(path[0]);
        for (int i = 1; i < path.length; i++) {
            Optional<Object> next = step(value, path[i]);
            if (next == null) {
                return ognl.evaluate(context, expression, expContext);
            }
            value = next.orElse(null);
        }
        return expContext.getPerformTypeConversion()
                ? StandardExpressions.getConversionService(context.getConfiguration()).convert(context, value, String.class)
                : value;
    }

    /** The value of {@code name} of {@code target} (empty for null), or null when OGNL must decide. */
    private Optional<Object> step(Object target, String name) {
        if (target instanceof Map<?, ?> map) {
            return MAP_MEMBERS.contains(name) ? null : Optional.ofNullable(map.get(name));
        }
        if (target == null || !target.getClass().isRecord()) {
            return null;
        }
        Optional<Method> accessor = accessors.computeIfAbsent(target.getClass(), t -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> accessor(target.getClass(), n));
        if (accessor.isEmpty()) {
            return null;
        }
        try {
            return Optional.ofNullable(accessor.get().invoke(target));
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static Optional<Method> accessor(Class<?> record, String name) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getName().equals(name)) {
                Method method = component.getAccessor();
                return method.trySetAccessible() ? Optional.of(method) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
