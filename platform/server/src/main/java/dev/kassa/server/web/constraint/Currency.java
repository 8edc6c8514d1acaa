package dev.kassa.server.web.constraint;

import dev.kassa.server.shared.CurrencyRegistry;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An active ISO 4217 code such as {@code EUR} ({@code currency.unknown}, which the problem then carries as its own code); null passes. */
@Documented
@Constraint(validatedBy = Currency.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Currency {

    String message() default "invalid|is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Currency, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !TextRules.check(value, 3, context)) {
                return value == null;
            }
            if (CurrencyRegistry.iso4217().find(value).isEmpty()) {
                Violations.report(context, "currency.unknown", "is not an active ISO 4217 currency code");
                return false;
            }
            return true;
        }
    }
}
