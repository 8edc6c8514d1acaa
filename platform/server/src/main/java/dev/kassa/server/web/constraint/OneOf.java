package dev.kassa.server.web.constraint;

import java.util.List;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One of {@link #value()}, compared exactly ({@code invalid}); null passes. */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {
    String[] value();

    String message() default "invalid|is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<OneOf, String> {
        private List<String> allowed;

        @Override
        public void initialize(OneOf annotation) {
            allowed = List.of(annotation.value());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !TextRules.check(value, 64, context)) {
                return value == null;
            }
            if (!allowed.contains(value)) {
                Violations.report(context, "invalid", "must be one of " + String.join(", ", allowed));
                return false;
            }
            return true;
        }
    }
}
