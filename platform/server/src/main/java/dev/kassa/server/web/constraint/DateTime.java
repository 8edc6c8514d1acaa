package dev.kassa.server.web.constraint;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO 8601 date-time with an offset, such as {@code 2026-01-31T10:15:00Z} ({@code invalid}); null passes. */
@Documented
@Constraint(validatedBy = DateTime.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface DateTime {

    String message() default "invalid|is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DateTime, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !TextRules.check(value, 64, context)) {
                return value == null;
            }
            try {
                OffsetDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                Violations.report(context, "invalid",
                        "must be an ISO 8601 date-time with offset, e.g. 2026-01-31T10:15:00Z");
                return false;
            }
        }
    }
}
