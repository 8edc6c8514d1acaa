package dev.kassa.server.web.constraint;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import dev.kassa.server.web.MoneyInput;
import jakarta.json.JsonString;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Money as {@code {"amount": "12.50", "currency": "EUR"}}: a known currency ({@code currency.unknown} on {@code <field>.currency}), a decimal string with no more decimals than the currency has ({@code amount.invalid}, {@code amount.too_many_decimals}… on {@code <field>.amount}), and above zero when {@link #positive()} ({@code amount.not_positive}); null passes. */
@Documented
@Constraint(validatedBy = ValidMoney.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidMoney {
    boolean positive() default true;

    String message() default "invalid|is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidMoney, MoneyInput> {
        private boolean positive;

        @Override
        public void initialize(ValidMoney annotation) {
            positive = annotation.positive();
        }

        @Override
        public boolean isValid(MoneyInput value, ConstraintValidatorContext context) {
            Problem problem = value == null ? null : problem(value, positive);
            if (problem != null) {
                Violations.report(context, problem.member(), problem.code(), problem.message());
            }
            return problem == null;
        }

        /** What is wrong with {@code value}, on which member; null when it is good money. */
        public static Problem problem(MoneyInput value, boolean positive) {
            if (!(value.currency() instanceof JsonString currency)) {
                return new Problem("currency", "required", "must be an ISO 4217 code such as \"EUR\"");
            }
            CurrencyUnit unit = CurrencyRegistry.iso4217().find(currency.getString()).orElse(null);
            if (unit == null) {
                return new Problem("currency", "currency.unknown",
                        "'" + currency.getString() + "' is not an active ISO 4217 currency code");
            }
            if (!(value.amount() instanceof JsonString amount)) {
                return new Problem("amount", value.amount() == null ? "required" : "amount.invalid",
                        "must be a decimal string such as \"12.50\"");
            }
            Money money;
            try {
                money = Money.parse(amount.getString(), unit);
            } catch (Money.AmountFormatException e) {
                return new Problem("amount", e.code(), e.getMessage());
            }
            if (positive && !money.isPositive()) {
                return new Problem("amount", "amount.not_positive", "must be greater than zero");
            }
            return null;
        }
    }

    /** One thing wrong with an amount: the member ({@code amount} or {@code currency}), its code, a sentence. */
    record Problem(String member, String code, String message) { }
}
