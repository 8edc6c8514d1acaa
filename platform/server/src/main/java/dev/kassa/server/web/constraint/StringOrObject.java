package dev.kassa.server.web.constraint;

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

/** A free-form value, such as a postal address: a string or a JSON object of at most {@link #max()} characters as JSON ({@code type}, {@code too_long}, {@code invalid}); null passes. */
@Documented
@Constraint(validatedBy = StringOrObject.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface StringOrObject {
    int max();

    String message() default "invalid|is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<StringOrObject, JsonValue> {
        private int max;

        @Override
        public void initialize(StringOrObject annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(JsonValue value, ConstraintValidatorContext context) {
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return true;
            }
            if (value.getValueType() != JsonValue.ValueType.STRING && value.getValueType() != JsonValue.ValueType.OBJECT) {
                Violations.report(context, "type", "must be a string or an object");
                return false;
            }
            String json = value.toString();
            if (json.length() > max) {
                Violations.report(context, "too_long", "must be at most " + max + " characters");
                return false;
            }
            if (!TextRules.isText(json)) {
                Violations.report(context, "invalid", TextRules.NOT_TEXT);
                return false;
            }
            return true;
        }
    }
}
