package dev.kassa.server.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonInputTest {
    private static final CurrencyRegistry CURRENCIES = CurrencyRegistry.iso4217();
    private static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    private static final CurrencyUnit JPY = new CurrencyUnit("JPY", 0);

    @Test
    void readsARequiredStringTrimmed() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("name", "  Ada Lovelace ").build());
        assertEquals("Ada Lovelace", in.requiredString("name", 200));
        assertNoErrors(in);
    }

    @Test
    void reportsAMissingRequiredString() {
        JsonInput in = JsonInput.of(JsonObject.EMPTY_JSON_OBJECT);
        assertNull(in.requiredString("name", 200));
        assertErrors(in, new FieldError("name", "required", "is required"));
    }

    @Test
    void treatsJsonNullAsMissing() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().addNull("name").build());
        assertNull(in.requiredString("name", 200));
        assertNull(in.optionalString("name", 200));
        assertErrors(in, new FieldError("name", "required", "is required"));
    }

    @Test
    void reportsABlankString() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("name", " \t ").build());
        assertNull(in.requiredString("name", 200));
        assertErrors(in, new FieldError("name", "blank", "must not be blank"));
    }

    @Test
    void reportsATooLongString() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder()
                .add("fits", "12345").add("long", "123456").build());
        assertEquals("12345", in.requiredString("fits", 5));
        assertNull(in.requiredString("long", 5));
        assertErrors(in, new FieldError("long", "too_long", "must be at most 5 characters"));
    }

    @Test
    void reportsAStringWithANulOrAnUnpairedSurrogate() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("nul", "a\u0000b").add("high", "a\ud800")
                .add("low", "\udc00b").add("pair", "smile \ud83d\ude00").add("rtl", "\u202eabc").build());
        assertNull(in.requiredString("nul", 10));
        assertNull(in.optionalString("high", 10));
        assertNull(in.requiredString("low", 10));
        assertEquals("smile \ud83d\ude00", in.requiredString("pair", 10));
        assertEquals("\u202eabc", in.requiredString("rtl", 10));
        assertErrors(in, new FieldError("nul", "invalid", JsonInput.NOT_TEXT),
                new FieldError("high", "invalid", JsonInput.NOT_TEXT),
                new FieldError("low", "invalid", JsonInput.NOT_TEXT));
    }

    @Test
    void reportsAStringOfTheWrongType() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder()
                .add("number", 12).add("flag", true).add("list", Json.createArrayBuilder().add("x")).build());
        assertNull(in.requiredString("number", 10));
        assertNull(in.optionalString("flag", 10));
        assertNull(in.requiredString("list", 10));
        assertErrors(in, new FieldError("number", "type", "must be a string"),
                new FieldError("flag", "type", "must be a string"),
                new FieldError("list", "type", "must be a string"));
    }

    @Test
    void anOptionalStringMayBeAbsent() {
        JsonInput in = JsonInput.of(JsonObject.EMPTY_JSON_OBJECT);
        assertNull(in.optionalString("name", 10));
        assertNoErrors(in);
    }

    @Test
    void readsAnEnumExactly() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("a", "person").add("b", "Person").build());
        assertEquals("person", in.requiredEnum("a", List.of("person", "company")));
        assertNull(in.requiredEnum("b", List.of("person", "company")));
        assertErrors(in, new FieldError("b", "invalid", "must be one of person, company"));
    }

    @Test
    void readsBooleans() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("yes", true).add("no", false).add("text", "true")
                .addNull("nothing").build());
        assertEquals(Boolean.TRUE, in.requiredBoolean("yes"));
        assertEquals(Boolean.FALSE, in.optionalBoolean("no"));
        assertNull(in.optionalBoolean("absent"));
        assertNull(in.optionalBoolean("nothing"));
        assertNull(in.requiredBoolean("text"));
        assertNull(in.requiredBoolean("absent"));
        assertErrors(in, new FieldError("text", "type", "must be true or false"),
                new FieldError("absent", "required", "must be true or false"));
    }

    @Test
    void readsAMoneyObject() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("amount", money("12.50", "EUR")).build());
        assertEquals(new Money(1250, EUR), in.requiredMoney("amount", CURRENCIES));
        assertNoErrors(in);
    }

    @Test
    void readsMoneyInTheCurrencysScale() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("amount", money("1000", "JPY")).build());
        assertEquals(new Money(1000, JPY), in.requiredMoney("amount", CURRENCIES));
        assertNoErrors(in);
    }

    @Test
    void reportsANumberInsteadOfADecimalString() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder()
                .add("amount", Json.createObjectBuilder().add("amount", 12.5).add("currency", "EUR")).build());
        assertNull(in.requiredMoney("amount", CURRENCIES));
        assertErrors(in, new FieldError("amount.amount", "amount.invalid", "must be a decimal string such as \"12.50\""));
    }

    @Test
    void reportsAMissingAmount() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder()
                .add("amount", Json.createObjectBuilder().add("currency", "EUR")).build());
        assertNull(in.requiredMoney("amount", CURRENCIES));
        assertErrors(in, new FieldError("amount.amount", "required", "must be a decimal string such as \"12.50\""));
    }

    @Test
    void reportsAMalformedAmountWithTheParsersCode() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder()
                .add("a", money("1e3", "EUR")).add("b", money("12.505", "EUR")).build());
        assertNull(in.requiredMoney("a", CURRENCIES));
        assertNull(in.requiredMoney("b", CURRENCIES));
        assertErrors(in, new FieldError("a.amount", "amount.invalid", "must be a decimal string such as \"12.50\""),
                new FieldError("b.amount", "amount.too_many_decimals", "EUR has 2 decimal places"));
    }

    @Test
    void reportsAMissingCurrency() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder()
                .add("amount", Json.createObjectBuilder().add("amount", "12.50")).build());
        assertNull(in.requiredMoney("amount", CURRENCIES));
        assertErrors(in, new FieldError("amount.currency", "required", "must be an ISO 4217 code such as \"EUR\""));
    }

    @Test
    void reportsAnUnknownCurrency() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("amount", money("12.50", "XXY")).build());
        assertNull(in.requiredMoney("amount", CURRENCIES));
        assertErrors(in, new FieldError("amount.currency", "currency.unknown",
                "'XXY' is not an active ISO 4217 currency code"));
    }

    @Test
    void reportsAWithdrawnCurrency() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("amount", money("12.50", "DEM")).build());
        assertNull(in.requiredMoney("amount", CURRENCIES));
        assertEquals("currency.unknown", codes(in).get(0));
    }

    @Test
    void reportsMoneyThatIsNotAnObject() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("amount", "12.50").build());
        assertNull(in.requiredMoney("amount", CURRENCIES));
        assertEquals(List.of("type"), codes(in));
        assertEquals("amount", fields(in).get(0));
    }

    @Test
    void requiredMoneyMustBePresentOptionalMoneyNeedNotBe() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().addNull("credit").build());
        assertNull(in.optionalMoney("limit", CURRENCIES));
        assertNull(in.optionalMoney("credit", CURRENCIES));
        assertNull(in.requiredMoney("amount", CURRENCIES));
        assertErrors(in, new FieldError("amount", "required", "is required"));
    }

    @Test
    void readsAMoneyListAndNamesTheBadElement() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("presets", Json.createArrayBuilder()
                .add(money("100", "EUR")).add(money("2.001", "EUR")).add(money("300.5", "EUR"))).build());
        assertEquals(List.of(new Money(10000, EUR), new Money(30050, EUR)), in.requiredMoneyList("presets", CURRENCIES));
        assertErrors(in, new FieldError("presets[1].amount", "amount.too_many_decimals", "EUR has 2 decimal places"));
    }

    @Test
    void requirePositiveAcceptsOnlyAmountsAboveZero() {
        JsonInput in = JsonInput.of(JsonObject.EMPTY_JSON_OBJECT);
        assertTrue(in.requirePositive("amount", new Money(1, EUR)));
        assertNoErrors(in);
        assertFalse(in.requirePositive("zero", new Money(0, EUR)));
        assertFalse(in.requirePositive("negative", new Money(-100, EUR)));
        assertErrors(in, new FieldError("zero.amount", "amount.not_positive", "must be greater than zero"),
                new FieldError("negative.amount", "amount.not_positive", "must be greater than zero"));
    }

    @Test
    void requirePositiveOnAMissingAmountAddsNoSecondError() {
        JsonInput in = JsonInput.of(JsonObject.EMPTY_JSON_OBJECT);
        Money amount = in.requiredMoney("amount", CURRENCIES);
        assertFalse(in.requirePositive("amount", amount));
        assertErrors(in, new FieldError("amount", "required", "is required"));
    }

    @Test
    void readsAnInstantWithOffset() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("at", "2026-01-31T11:15:00+01:00")
                .add("bad", "2026-01-31T10:15:00").build());
        assertEquals(Instant.parse("2026-01-31T10:15:00Z"), in.optionalInstant("at"));
        assertNull(in.optionalInstant("bad"));
        assertEquals(List.of("invalid"), codes(in));
    }

    @Test
    void validateThrows422ListingEveryError() {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("name", "")
                .add("email", 42)
                .add("amount", Json.createObjectBuilder().add("amount", 10).add("currency", "EUR"));
        JsonInput in = JsonInput.of(body.build());
        in.requiredString("name", 200);
        in.requiredString("email", 254);
        in.requiredString("country", 2);
        in.requiredMoney("amount", CURRENCIES);

        KassaException e = assertThrows(KassaException.class, in::validate);
        assertEquals(422, e.status());
        assertEquals("request.invalid", e.code());
        assertEquals("4 fields are invalid.", e.getMessage());
        assertEquals(List.of(
                new FieldError("name", "blank", "must not be blank"),
                new FieldError("email", "type", "must be a string"),
                new FieldError("country", "required", "is required"),
                new FieldError("amount.amount", "amount.invalid", "must be a decimal string such as \"12.50\"")),
                e.errors());
    }

    @Test
    void validateWithOneErrorNamesItInTheDetail() {
        JsonInput in = JsonInput.of(JsonObject.EMPTY_JSON_OBJECT);
        in.requiredString("email", 254);
        KassaException e = assertThrows(KassaException.class, in::validate);
        assertEquals("email: is required", e.getMessage());
        assertEquals(1, e.errors().size());
    }

    @Test
    void anUnknownCurrencyNamesItselfAsTheProblem() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("amount", money("1.00", "DEM")).build());
        in.requiredMoney("amount", CurrencyRegistry.iso4217());

        KassaException e = assertThrows(KassaException.class, in::validate);

        assertEquals(422, e.status());
        assertEquals("currency.unknown", e.code());
        assertEquals("amount.currency", e.errors().get(0).field());
    }

    @Test
    void validatePassesWhenAllIsWell() {
        JsonInput in = JsonInput.of(Json.createObjectBuilder().add("name", "x").build());
        in.requiredString("name", 10);
        in.validate();
        assertFalse(in.hasErrors());
    }

    @Test
    void aMissingBodyIsMalformed() {
        KassaException e = assertThrows(KassaException.class, () -> JsonInput.of(null));
        assertEquals(400, e.status());
        assertEquals("request.malformed", e.code());
    }

    private static JsonObjectBuilder money(String amount, String currency) {
        return Json.createObjectBuilder().add("amount", amount).add("currency", currency);
    }

    private static void assertNoErrors(JsonInput in) {
        assertFalse(in.hasErrors());
        in.validate();
    }

    private static void assertErrors(JsonInput in, FieldError... expected) {
        assertEquals(List.of(expected), assertThrows(KassaException.class, in::validate).errors());
    }

    private static List<String> codes(JsonInput in) {
        return assertThrows(KassaException.class, in::validate).errors().stream().map(FieldError::code).toList();
    }

    private static List<String> fields(JsonInput in) {
        return assertThrows(KassaException.class, in::validate).errors().stream().map(FieldError::field).toList();
    }
}
