package dev.kassa.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kassa.server.shared.FieldError;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.web.constraint.Country;
import dev.kassa.server.web.constraint.Currency;
import dev.kassa.server.web.constraint.OneOf;
import dev.kassa.server.web.constraint.Required;
import dev.kassa.server.web.constraint.Text;
import dev.kassa.server.web.constraint.ValidMoney;
import jakarta.json.Json;
import jakarta.validation.Valid;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

public class RequestBinderTest {
    public record Sample(@Required @Text(max = 5) String name, @Required @ValidMoney MoneyInput amount,
                  List<@ValidMoney MoneyInput> presets, List<@Country String> countries, Boolean flag,
                  @OneOf({"A", "B"}) String kind, @Currency String currency, @Valid Nested nested) implements JsonRequest { }

    public record Lists(@Required List<@ValidMoney MoneyInput> presets, @Required List<@Country String> countries)
            implements JsonRequest { }

    public record Nested(@Required @Text(max = 3) String code) { }

    @Test
    void aValidBodyBindsWithItsStringsStripped() {
        Sample s = bind("{\"name\": \"  abc \", \"amount\": {\"amount\": \"12.50\", \"currency\": \"EUR\"},"
                + "\"presets\": [{\"amount\": \"1.00\", \"currency\": \"EUR\"}], \"countries\": [\" DE\"],"
                + " \"flag\": true, \"kind\": \"A\", \"currency\": \"USD\", \"nested\": {\"code\": \"x\"}, \"extra\": 1}");

        assertEquals("abc", s.name());
        assertEquals("12.50 EUR", s.amount().toMoney().toString());
        assertEquals(List.of("DE"), s.countries());
        assertEquals("x", s.nested().code());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsCode() {
        KassaException e = assertThrows(KassaException.class, () -> bind("{\"name\": \"toolong\","
                + " \"amount\": {\"amount\": \"1.005\", \"currency\": \"EUR\"},"
                + " \"presets\": [{\"amount\": \"1.00\", \"currency\": \"EUR\"}, {\"amount\": \"-1\", \"currency\": \"EUR\"}],"
                + " \"countries\": [\"DE\", \"XX\"], \"flag\": \"yes\", \"kind\": \"C\", \"nested\": {\"code\": \"\"}}"));

        assertEquals("request.invalid", e.code());
        assertEquals(List.of(
                new FieldError("name", "too_long", "must be at most 5 characters"),
                new FieldError("amount.amount", "amount.too_many_decimals", e.errors().get(1).message()),
                new FieldError("presets[1].amount", "amount.not_positive", "must be greater than zero"),
                new FieldError("countries[1]", "country.invalid",
                        "must be an ISO 3166-1 alpha-2 code in upper case, such as DE"),
                new FieldError("flag", "type", "must be true or false"),
                new FieldError("kind", "invalid", "must be one of A, B"),
                new FieldError("nested.code", "blank", "must not be blank")), e.errors());
    }

    @Test
    void missingAndMistypedFieldsAreRequiredAndType() {
        KassaException e = assertThrows(KassaException.class, () -> bind("{\"amount\": \"1.00\"}"));

        assertEquals(List.of(new FieldError("name", "required", "is required"),
                new FieldError("amount", "type", "must be an object {\"amount\": \"12.50\", \"currency\": \"EUR\"}")),
                e.errors());
    }

    @Test
    void aListDroppedForOneItemsTypeIsReportedOnceForThatItem() {
        JsonValue body = Json.createReader(new StringReader("{\"presets\": [\"1.00\"], \"countries\": [\"DE\", 5]}"))
                .readValue();
        KassaException e = assertThrows(KassaException.class, () -> RequestBinder.bind(body, Lists.class));

        assertEquals(List.of(new FieldError("presets[0]", "type",
                        "must be an object {\"amount\": \"12.50\", \"currency\": \"EUR\"}"),
                new FieldError("countries", "type", "must contain strings only")), e.errors());
    }

    @Test
    void anUnknownCurrencyNamesItselfAsTheProblem() {
        KassaException e = assertThrows(KassaException.class, () -> bind("{\"name\": \"a\", \"amount\":"
                + " {\"amount\": \"1.00\", \"currency\": \"XYZ\"}}"));

        assertEquals("currency.unknown", e.code());
        assertEquals("amount.currency", e.errors().get(0).field());
    }

    @Test
    void notAnObjectIsMalformed() {
        assertEquals("request.malformed", assertThrows(KassaException.class, () -> bind("[1]")).code());
    }

    private static Sample bind(String json) {
        JsonValue body = Json.createReader(new StringReader(json)).readValue();
        return RequestBinder.bind(body, Sample.class);
    }
}
