package dev.kassa.server.web.constraint;

import dev.kassa.server.shared.Iso;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO 3166-1 alpha-2 country code in upper case, such as {@code DE} ({@code country.invalid}); null passes. */
@Documented
@Constraint(validatedBy = Country.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Country {

    String message() default "invalid|is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Country, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !TextRules.check(value, 2, context)) {
                return value == null;
            }
            if (!Iso.isCountry(value)) {
                Violations.report(context, "country.invalid",
                        "must be an ISO 3166-1 alpha-2 code in upper case, such as DE");
                return false;
            }
            return true;
        }
    }
}
