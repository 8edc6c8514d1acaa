package dev.kassa.server.web;

import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.web.constraint.Violations;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.spi.JsonProvider;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a JSON body into a {@link JsonRequest} record and checks it, so that a resource method
 * only ever sees a valid request. Three steps:
 * <ol>
 * <li>each member is checked against the record component's Java type (a string where a string
 * goes, and so on; {@code errors[].code} {@code type} otherwise), and strings are stripped of
 * surrounding white space;</li>
 * <li>JSON-B binds what passed into the record;</li>
 * <li>Jakarta Validation checks the record's constraints, which report in the shape of
 * {@link Violations}.</li>
 * </ol>
 * Every problem found is answered at once, as one 422: {@code currency.unknown} when a currency
 * code is unknown, else {@code request.invalid}, each field in {@code errors}. Members a record does
 * not name are ignored.
 */
public final class RequestBinder {
    /** Looked up once: {@code Json.create…} finds the provider anew on every call, through the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final String MONEY_SHAPE = "must be an object {\"amount\": \"12.50\", \"currency\": \"EUR\"}";

    private RequestBinder() {
    }

    public static <T extends JsonRequest> T bind(JsonValue body, Class<T> type) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw KassaException.malformed("A JSON object body is required.");
        }
        List<FieldError> errors = new ArrayList<>();
        JsonObject checked = check(body.asJsonObject(), type, "", errors);
        T request;
        try {
            request = JSONB.fromJson(checked.toString(), type);
        } catch (JsonbException e) {
            // The types were checked above; what is left is a value the record itself refused.
            throw KassaException.invalid("", "invalid", "does not fit this request: " + e.getMessage());
        }
        Set<String> mistyped = new HashSet<>();
        errors.forEach(e -> mistyped.add(e.field()));
        for (FieldError e : fieldErrors(Validators.VALIDATOR.validate(request))) {
            // A member left out for its type (or for one of its items' types) is reported once, as that.
            if (mistyped.stream().noneMatch(m -> m.equals(e.field()) || m.startsWith(e.field() + "[")
                    || m.startsWith(e.field() + "."))) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            List<String> order = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
            errors.sort(Comparator.comparingInt(e -> order.indexOf(e.field().split("[.\\[]", 2)[0])));
            throw refusal(errors);
        }
        return request;
    }

    /** The problem for {@code errors}: {@code currency.unknown} names its cause outright, else {@code request.invalid}. */
    public static KassaException refusal(List<FieldError> errors) {
        if (errors.stream().anyMatch(e -> e.code().equals("currency.unknown"))) {
            return new KassaException(422, "currency.unknown", "Unknown currency",
                    "A currency code is not an active ISO 4217 code.", errors);
        }
        return KassaException.invalid(errors);
    }

    /** Kassa's constraint violations as field errors, each with its stable code. */
    public static List<FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> out = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            String code = Violations.code(v.getMessageTemplate());
            out.add(new FieldError(field(v.getPropertyPath()), code == null ? "invalid" : code,
                    Violations.sentence(v.getMessage())));
        }
        out.sort(Comparator.comparing(FieldError::field));
        return out;
    }

    /** {@code amount.currency}, {@code presets[1].amount}: the path as the client wrote the JSON. */
    static String field(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getKind() == ElementKind.BEAN) {
                if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    out.append('.').append(node.getKey());
                }
                continue;
            }
            if (node.getKind() != ElementKind.PROPERTY) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null && out.charAt(out.length() - 1) != ']') {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(node.getName());
        }
        return out.toString();
    }

    /** {@code object} with strings stripped and members of the wrong JSON type left out (and reported). */
    private static JsonObject check(JsonObject object, Class<?> record, String prefix, List<FieldError> errors) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            if (component.isAnnotationPresent(OtherMembers.class)) {
                JsonObjectBuilder others = JSON.createObjectBuilder();
                Set<String> named = new HashSet<>();
                for (RecordComponent c : record.getRecordComponents()) {
                    named.add(c.getName());
                }
                object.forEach((member, value) -> {
                    if (!named.contains(member)) {
                        others.add(member, value);
                    }
                });
                out.add(name, others);
                continue;
            }
            JsonValue value = object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            JsonValue ok = check(value, component.getType(), component.getGenericType(), prefix + name, errors);
            if (ok != null) {
                out.add(name, ok);
            }
        }
        return out.build();
    }

    private static JsonValue check(JsonValue value, Class<?> type, Type generic, String field, List<FieldError> errors) {
        JsonValue.ValueType json = value.getValueType();
        if (type == JsonValue.class || type == MoneyInput.class && json == JsonValue.ValueType.OBJECT) {
            return value;
        }
        if (type == String.class) {
            return json == JsonValue.ValueType.STRING ? JSON.createValue(((JsonString) value).getString().strip())
                    : wrong(field, "must be a string", errors);
        }
        if (type == Boolean.class || type == boolean.class) {
            return json == JsonValue.ValueType.TRUE || json == JsonValue.ValueType.FALSE ? value
                    : wrong(field, "must be true or false", errors);
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return json == JsonValue.ValueType.NUMBER && ((JsonNumber) value).isIntegral() ? value
                    : wrong(field, "must be a whole number", errors);
        }
        if (type == MoneyInput.class) {
            return wrong(field, MONEY_SHAPE, errors);
        }
        if (type == List.class) {
            Type item = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> itemClass = (Class<?>) (item instanceof ParameterizedType p ? p.getRawType() : item);
            if (json != JsonValue.ValueType.ARRAY) {
                return wrong(field, itemClass == MoneyInput.class ? "must be a list of amounts" : "must be a list",
                        errors);
            }
            JsonArrayBuilder out = JSON.createArrayBuilder();
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                JsonValue element = array.get(i);
                if (itemClass == String.class && element.getValueType() != JsonValue.ValueType.STRING) {
                    return wrong(field, "must contain strings only", errors);
                }
                JsonValue ok = check(element, itemClass, item, field + "[" + i + "]", errors);
                if (ok == null) {
                    return null;
                }
                out.add(ok);
            }
            return out.build();
        }
        if (type == Map.class) {
            if (json != JsonValue.ValueType.OBJECT
                    || value.asJsonObject().values().stream().anyMatch(v -> v.getValueType() != JsonValue.ValueType.STRING
                    && v.getValueType() != JsonValue.ValueType.NULL)) {
                return wrong(field, "must be an object of strings", errors);
            }
            return value;
        }
        if (type.isRecord()) {
            return json == JsonValue.ValueType.OBJECT ? check(value.asJsonObject(), type, field + ".", errors)
                    : wrong(field, "must be an object", errors);
        }
        throw new IllegalStateException("A request record has a component of a type the binder does not know: " + type);
    }

    private static JsonValue wrong(String field, String message, List<FieldError> errors) {
        errors.add(new FieldError(field, "type", message));
        return null;
    }

    /** Built on first use: the provider Payara ships, or Hibernate Validator in unit tests. */
    private static final class Validators {
        static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    }
}
