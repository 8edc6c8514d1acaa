package dev.kassa.server.web.constraint;

import java.util.regex.Pattern;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Text of at most {@link #max()} characters matching {@link #regex()} ({@code invalid}, saying {@link #rule()}); null passes. */
@Documented
@Constraint(validatedBy = Matches.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Matches {
    String regex();

    int max();

    /** What a matching value looks like, for the person reading the problem. */
    String rule();

    String message() default "invalid|is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Matches, String> {
        private Pattern pattern;
        private int max;
        private String rule;

        @Override
        public void initialize(Matches annotation) {
            pattern = Pattern.compile(annotation.regex());
            max = annotation.max();
            rule = annotation.rule();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !TextRules.check(value, max, context)) {
                return value == null;
            }
            if (!pattern.matcher(value).matches()) {
                Violations.report(context, "invalid", rule);
                return false;
            }
            return true;
        }
    }
}
