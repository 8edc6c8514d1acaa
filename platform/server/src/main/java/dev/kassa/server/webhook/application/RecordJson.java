package dev.kassa.server.webhook.application;

import dev.kassa.server.shared.Money;
import jakarta.json.spi.JsonProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record written as JSON exactly as {@link WebhookEvents}' JSON-B writes it (members in
 * lexicographic order, nulls included, {@link Money} as {@code {"amount", "currency"}}, an {@link
 * Instant} in ISO-8601), without JSON-B's reflection on every call: a billing run writes three
 * payloads per renewal. Only for records whose members are strings, {@link Money}, instants,
 * booleans and whole numbers; {@link #write} answers null for any other, which JSON-B then writes.
 */
final class RecordJson {
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final WebhookEvents.MoneyAdapter MONEY = new WebhookEvents.MoneyAdapter();
    private static final Set<Class<?>> SIMPLE = Set.of(String.class, Money.class, Instant.class, boolean.class,
            Boolean.class, int.class, Integer.class, long.class, Long.class);

    /** Each record class's accessors in the order JSON-B writes them; null for a record this class does not write. */
    private static final ClassValue<Member[]> MEMBERS = new ClassValue<>() {
        @Override
        protected Member[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            // Annotations (JSON-B's own, such as a property's name or order) are JSON-B's to read.
            if (components == null || !Modifier.isPublic(type.getModifiers()) || type.getAnnotations().length > 0) {
                return null;
            }
            for (RecordComponent c : components) {
                if (!SIMPLE.contains(c.getType()) || c.getAnnotations().length > 0
                        || c.getAccessor().getAnnotations().length > 0) {
                    return null;
                }
            }
            List<Member> members = Arrays.stream(components).sorted(Comparator.comparing(RecordComponent::getName))
                    .map(c -> new Member(JSON.createValue(c.getName()).toString(), c.getAccessor())).toList();
            members.forEach(m -> m.accessor().trySetAccessible());
            return members.toArray(Member[]::new);
        }
    };

    private record Member(String quotedName, Method accessor) { }

    private RecordJson() {
    }

    /** The record as JSON-B writes it, or null when its members are not all of the simple kinds. */
    static String write(Record data) {
        Member[] members = MEMBERS.get(data.getClass());
        if (members == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(64 * members.length).append('{');
        for (int i = 0; i < members.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(members[i].quotedName()).append(':');
            value(out, read(members[i].accessor(), data));
        }
        return out.append('}').toString();
    }

    private static Object read(Method accessor, Record data) {
        try {
            return accessor.invoke(data);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append(JSON.createValue(s));
        } else if (value instanceof Money m) {
            // The shape JSON-B gives Money in a payload, from its one definition.
            out.append('{');
            String comma = "";
            for (Map.Entry<String, String> e : MONEY.adaptToJson(m).entrySet()) {
                out.append(comma).append(JSON.createValue(e.getKey())).append(':').append(JSON.createValue(e.getValue()));
                comma = ",";
            }
            out.append('}');
        } else if (value instanceof Instant t) {
            out.append(JSON.createValue(t.toString()));
        } else {
            out.append(value); // a boolean or a whole number
        }
    }
}
