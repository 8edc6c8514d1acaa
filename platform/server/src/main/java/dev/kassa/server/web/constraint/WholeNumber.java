package dev.kassa.server.web.constraint;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A whole JSON number from {@link #min()} to {@link #max()} ({@code invalid}, saying {@link #rule()}); null passes. */
@Documented
@Constraint(validatedBy = WholeNumber.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {
    long min();

    long max();

    /** What a good value looks like, for the person reading the problem. */
    String rule();

    String message() default "invalid|is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WholeNumber, JsonValue> {
        private long min;
        private long max;
        private String rule;

        @Override
        public void initialize(WholeNumber annotation) {
            min = annotation.min();
            max = annotation.max();
            rule = annotation.rule();
        }

        @Override
        public boolean isValid(JsonValue value, ConstraintValidatorContext context) {
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return true;
            }
            if (value instanceof JsonNumber n && n.isIntegral()
                    && n.bigDecimalValue().compareTo(BigDecimal.valueOf(min)) >= 0
                    && n.bigDecimalValue().compareTo(BigDecimal.valueOf(max)) <= 0) {
                return true;
            }
            Violations.report(context, "invalid", rule);
            return false;
        }
    }
}
