package dev.kassa.server.currency.api;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import dev.kassa.server.web.JsonRequest;
import dev.kassa.server.web.MoneyInput;
import dev.kassa.server.web.constraint.Text;
import dev.kassa.server.web.constraint.ValidMoney;
import dev.kassa.server.web.constraint.Violations;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A quote fixes exactly one side: {@code {"from": {amount, currency}, "to": "EUR"}} (what paying
 * this much gives) or {@code {"from": "USD", "to": {amount, currency}}} (what getting this much
 * costs). {@code accountId} marks it for one account's top-up.
 */
@QuoteRequest.OneSideFixed
public record QuoteRequest(JsonValue from, JsonValue to, @Text(max = 40) String accountId) implements JsonRequest {

    /** The fixed amount of {@code side}, or null when that side is a currency. */
    public Money amount(JsonValue side) {
        return isAmount(side) ? money(side).toMoney() : null;
    }

    /** The currency of {@code side}, or null when that side is an amount. */
    public CurrencyUnit currency(JsonValue side) {
        return isAmount(side) ? null : CurrencyRegistry.iso4217().require(((JsonString) side).getString());
    }

    static boolean isAmount(JsonValue side) {
        return side != null && side.getValueType() == JsonValue.ValueType.OBJECT;
    }

    static MoneyInput money(JsonValue side) {
        return new MoneyInput(side.asJsonObject().get("amount"), side.asJsonObject().get("currency"));
    }

    /**
     * One side an amount (checked as money: {@code from.amount}, {@code from.currency}…), the other
     * a currency code ({@code required}, {@code currency.unknown}); both or neither is {@code invalid}.
     */
    @Documented
    @Constraint(validatedBy = OneSideFixed.Check.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface OneSideFixed {
        String message() default "invalid|fix exactly one side";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<OneSideFixed, QuoteRequest> {
            @Override
            public boolean isValid(QuoteRequest quote, ConstraintValidatorContext context) {
                boolean fromIsAmount = isAmount(quote.from());
                if (fromIsAmount == isAmount(quote.to())) {
                    Violations.report(context, fromIsAmount ? "to" : "from", "invalid", "fix exactly one side: "
                            + "{\"from\": {amount, currency}, \"to\": \"EUR\"} or {\"from\": \"USD\", \"to\": {amount, currency}}");
                    return false;
                }
                String amountSide = fromIsAmount ? "from" : "to";
                String currencySide = fromIsAmount ? "to" : "from";
                var problem = ValidMoney.Check.problem(money(fromIsAmount ? quote.from() : quote.to()), true);
                if (problem != null) {
                    Violations.report(context, amountSide + "." + problem.member(), problem.code(), problem.message());
                    return false;
                }
                JsonValue currency = fromIsAmount ? quote.to() : quote.from();
                if (!(currency instanceof JsonString code)) {
                    Violations.report(context, currencySide, "required", "must be a currency code such as \"EUR\"");
                    return false;
                }
                if (CurrencyRegistry.iso4217().find(code.getString()).isEmpty()) {
                    Violations.report(context, currencySide, "currency.unknown",
                            "is not an active ISO 4217 currency code");
                    return false;
                }
                return true;
            }
        }
    }
}
