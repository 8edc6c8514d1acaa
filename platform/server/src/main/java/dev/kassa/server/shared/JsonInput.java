package dev.kassa.server.shared;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a JSON request body field by field and collects every problem, so a client learns about
 * all invalid fields at once. Call {@link #validate()} before acting on anything read.
 */
public final class JsonInput {
    /** The message of a field that is not {@link #isText text}. */
    public static final String NOT_TEXT = "must not contain NUL characters or unpaired surrogates";

    private final JsonObject body;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonInput(JsonObject body) {
        this.body = body;
    }

    public static JsonInput of(JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw KassaException.malformed("A JSON object body is required.");
        }
        return new JsonInput(body.asJsonObject());
    }

    public String requiredString(String field, int maxLength) {
        String value = optionalString(field, maxLength);
        if (value == null && !has(field)) {
            error(field, "required", "is required");
        }
        return value;
    }

    /** A non-blank string, trimmed; null when absent or JSON null. */
    public String optionalString(String field, int maxLength) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            error(field, "type", "must be a string");
            return null;
        }
        String text = ((JsonString) value).getString().strip();
        if (!isText(text)) {
            error(field, "invalid", NOT_TEXT);
            return null;
        }
        if (text.isEmpty()) {
            error(field, "blank", "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            error(field, "too_long", "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    /**
     * Whether {@code text} can be stored and compared as it is: no NUL (PostgreSQL text cannot hold
     * it, and a query with it fails) and no half of a surrogate pair (not a character at all, and
     * silently turned into '?' on the way to the database).
     */
    public static boolean isText(String text) {
        // A pair makes one code point above U+FFFF; a lone half stays in the surrogate range.
        return text.codePoints().noneMatch(c -> c == 0 || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    /** A string that must match one of {@code allowed}, compared exactly. */
    public String requiredEnum(String field, List<String> allowed) {
        String value = requiredString(field, 64);
        if (value != null && !allowed.contains(value)) {
            error(field, "invalid", "must be one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    public Boolean requiredBoolean(String field) {
        JsonValue value = body.get(field);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        error(field, value == null || value.getValueType() == JsonValue.ValueType.NULL ? "required" : "type",
                "must be true or false");
        return null;
    }

    public Boolean optionalBoolean(String field) {
        return has(field) ? requiredBoolean(field) : null;
    }

    /** A list of strings, each turned into a value by {@code item} (which may report errors). */
    public <T> List<T> requiredList(String field, Function<String, T> item) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            error(field, value == null ? "required" : "type", "must be a list");
            return null;
        }
        List<T> out = new ArrayList<>();
        for (JsonValue element : value.asJsonArray()) {
            if (element.getValueType() != JsonValue.ValueType.STRING) {
                error(field, "type", "must contain strings only");
                return null;
            }
            out.add(item.apply(((JsonString) element).getString()));
        }
        return out;
    }

    /** A Money object {@code {"amount": "12.50", "currency": "EUR"}}, or null after recording an error. */
    public Money requiredMoney(String field, CurrencyRegistry currencies) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            error(field, "required", "is required");
            return null;
        }
        return money(field, value, currencies);
    }

    public Money optionalMoney(String field, CurrencyRegistry currencies) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return money(field, value, currencies);
    }

    public List<Money> requiredMoneyList(String field, CurrencyRegistry currencies) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            error(field, value == null ? "required" : "type", "must be a list of amounts");
            return null;
        }
        List<Money> out = new ArrayList<>();
        int i = 0;
        for (JsonValue element : value.asJsonArray()) {
            Money m = money(field + "[" + i++ + "]", element, currencies);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** An ISO 4217 code such as {@code "EUR"}; null after recording an error when missing or unknown. */
    public CurrencyUnit requiredCurrency(String field, CurrencyRegistry currencies) {
        return currency(field, requiredString(field, 3), currencies);
    }

    /** An ISO 4217 code, or null when absent; an unknown code is recorded as {@code currency.unknown}. */
    public CurrencyUnit optionalCurrency(String field, CurrencyRegistry currencies) {
        return currency(field, optionalString(field, 3), currencies);
    }

    private CurrencyUnit currency(String field, String code, CurrencyRegistry currencies) {
        if (code == null) {
            return null;
        }
        CurrencyUnit unit = currencies.find(code).orElse(null);
        if (unit == null) {
            error(field, "currency.unknown", "is not an active ISO 4217 currency code");
        }
        return unit;
    }

    public Instant optionalInstant(String field) {
        String text = optionalString(field, 64);
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            error(field, "invalid", "must be an ISO 8601 date-time with offset, e.g. 2026-01-31T10:15:00Z");
            return null;
        }
    }

    public JsonValue raw(String field) {
        return body.get(field);
    }

    public boolean has(String field) {
        JsonValue value = body.get(field);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    public void error(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * Throws a 422 listing every field error recorded so far: {@code currency.unknown} when a
     * currency code is unknown, else {@code request.invalid}.
     */
    public void validate() {
        if (errors.isEmpty()) {
            return;
        }
        if (errors.stream().anyMatch(e -> e.code().equals("currency.unknown"))) {
            // The problem names the cause outright: an unknown or withdrawn ISO 4217 code.
            throw new KassaException(422, "currency.unknown", "Unknown currency",
                    "A currency code is not an active ISO 4217 code.", errors);
        }
        throw KassaException.invalid(errors);
    }

    private Money money(String field, JsonValue value, CurrencyRegistry currencies) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            error(field, "type", "must be an object {\"amount\": \"12.50\", \"currency\": \"EUR\"}");
            return null;
        }
        JsonObject object = value.asJsonObject();
        JsonValue amount = object.get("amount");
        JsonValue currency = object.get("currency");
        if (currency == null || currency.getValueType() != JsonValue.ValueType.STRING) {
            error(field + ".currency", "required", "must be an ISO 4217 code such as \"EUR\"");
            return null;
        }
        String code = ((JsonString) currency).getString();
        CurrencyUnit unit = currencies.find(code).orElse(null);
        if (unit == null) {
            error(field + ".currency", "currency.unknown", "'" + code + "' is not an active ISO 4217 currency code");
            return null;
        }
        if (amount == null || amount.getValueType() != JsonValue.ValueType.STRING) {
            error(field + ".amount", amount == null ? "required" : "amount.invalid",
                    "must be a decimal string such as \"12.50\"");
            return null;
        }
        try {
            return Money.parse(((JsonString) amount).getString(), unit);
        } catch (Money.AmountFormatException e) {
            error(field + ".amount", e.code(), e.getMessage());
            return null;
        }
    }

    /** Records an error unless the amount is strictly positive; returns whether it is. */
    public boolean requirePositive(String field, Money money) {
        if (money != null && !money.isPositive()) {
            error(field + ".amount", "amount.not_positive", "must be greater than zero");
            return false;
        }
        return money != null;
    }
}
