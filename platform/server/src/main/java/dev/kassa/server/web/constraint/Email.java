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

/** An e-mail address of at most 254 characters ({@code email.invalid}); null passes. */
@Documented
@Constraint(validatedBy = Email.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Email {

    String message() default "invalid|is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Email, String> {
        private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !TextRules.check(value, 254, context)) {
                return value == null;
            }
            if (!EMAIL.matcher(value).matches()) {
                Violations.report(context, "email.invalid", "is not an email address");
                return false;
            }
            return true;
        }
    }
}
